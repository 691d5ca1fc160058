package org.organizingworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.Exercise;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExerciseDiagramsTest {

    static final Curriculum DEFAULT = CurriculumLoader.defaultCurriculum();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The snowflake's legend draws one circle for each of its three entries. */
    private static final int LEGEND = 3;
    private final ExerciseDiagrams english = new ExerciseDiagrams(Locale.ENGLISH, "en");

    static Map<String, JsonNode> answers(String json) {
        try {
            return JSON.convertValue(JSON.readTree(json), JSON.getTypeFactory()
                    .constructMapType(Map.class, String.class, JsonNode.class));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Exercise exercise(String id) {
        return DEFAULT.exercise(id).orElseThrow();
    }

    static String members(String... nameAndCoach) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < nameAndCoach.length; i += 2) {
            rows.append(i == 0 ? "" : ",").append("{\"member\": {\"name\": ").append(JSON.<JsonNode>valueToTree(nameAndCoach[i]).toString())
                    .append(", \"relationship\": \"neighbour\"}, \"role\": \"x\", \"developed-by\": ")
                    .append(JSON.<JsonNode>valueToTree(nameAndCoach[i + 1]).toString()).append("}");
        }
        return "{\"members\": [" + rows + "]}";
    }

    static Document xml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void snowflakeDrawsEveryMemberAndWhoDevelopsWhom() throws Exception {
        String svg = english.svg(exercise("team-charter"),
                answers(members("Ana Ruiz", "", "Luis", "ana ruiz ", "Marta", "Ana Ruiz", "Kofi", "Luis"))).orElseThrow();
        Document document = xml(svg);
        assertEquals("img", document.getDocumentElement().getAttribute("role"));
        assertEquals(4, document.getElementsByTagName("circle").getLength() - LEGEND);
        assertEquals(3, document.getElementsByTagName("line").getLength());
        assertTrue(svg.contains(">Kofi</text>"), svg);
        String description = document.getElementsByTagName("desc").item(0).getTextContent();
        assertEquals("Ana Ruiz is at the centre. Ana Ruiz develops Luis, Marta. Luis develops Kofi.", description);
        assertTrue(document.getElementsByTagName("title").item(0).getTextContent().contains("who develops whom"));
    }

    @Test
    void hostileNamesAreTextNotMarkup() throws Exception {
        String hostile = "<script>alert('x')</script> & \"Bo\"\u0000";
        String svg = english.svg(exercise("team-charter"), answers(members(hostile, "", "Luis", hostile))).orElseThrow();
        assertFalse(svg.contains("<script"), svg);
        Document document = xml(svg);
        assertEquals(0, document.getElementsByTagName("script").getLength());
        assertTrue(document.getElementsByTagName("desc").item(0).getTextContent()
                .contains("<script>alert('x')</script> & \"Bo\" develops Luis."));
    }

    @Test
    void aLoopOfLinksIsDrawnOnceAndEnds() throws Exception {
        String svg = english.svg(exercise("team-charter"),
                answers(members("A", "C", "B", "A", "C", "B", "D", "D"))).orElseThrow();
        Document document = xml(svg);
        assertEquals(4, document.getElementsByTagName("circle").getLength() - LEGEND);
        assertEquals(3, document.getElementsByTagName("line").getLength(), "A→B, B→C, C→A; D's link to itself is no edge");
        assertTrue(svg.contains("D is at the centre."), svg);
        assertTrue(svg.contains("C develops A."), svg);
    }

    @Test
    void tooLittleToDrawGivesNoDiagram() {
        assertEquals(Optional.empty(), english.svg(exercise("team-charter"), answers(members("Ana", ""))));
        assertEquals(Optional.empty(), english.svg(exercise("team-charter"), Map.of()));
        assertEquals(Optional.empty(), english.svg(exercise("campaign-timeline"), answers(
                "{\"peaks\": [{\"date\": \"2027-03-01\", \"tactic\": \"Kickoff\", \"people\": 20}]}")));
        assertEquals(Optional.empty(), english.svg(exercise("theory-of-change"), answers("{\"if\": \"we act\"}")));
    }

    @Test
    void timelinePlacesEachPeakAndSaysItInWords() throws Exception {
        String svg = english.svg(exercise("campaign-timeline"), answers("""
                {"peaks": [
                  {"date": "2027-04-20", "peak": "final-peak", "tactic": "Delegation & vote", "people": 120},
                  {"date": "2027-03-01", "peak": "kickoff", "tactic": "Kickoff meeting", "people": 25},
                  {"date": "2027-03-22", "peak": "peak", "tactic": "Petition <drive>", "people": 60},
                  {"date": "not a date", "tactic": "Ignored", "people": 5}]}""")).orElseThrow();
        Document document = xml(svg);
        assertTrue(svg.contains("Kickoff meeting"), svg);
        assertTrue(svg.contains("Petition &lt;drive&gt;"), "labels are escaped");
        assertFalse(svg.contains("Ignored"));
        String description = document.getElementsByTagName("desc").item(0).getTextContent();
        assertEquals("April 20, 2027: Delegation & vote; People involved: 120. March 1, 2027: Kickoff meeting; People"
                + " involved: 25. March 22, 2027: Petition <drive>; People involved: 60.", description);
    }

    @Test
    void resultsDrawTargetAndActualSideBySide() throws Exception {
        String svg = english.svg(exercise("action-results"), answers("""
                {"results": [
                  {"measure": "People at the meeting", "target": 40, "actual": 32},
                  {"measure": "New leaders", "target": 5, "actual": 6}]}""")).orElseThrow();
        Document document = xml(svg);
        assertTrue(svg.contains(">Target<") && svg.contains(">Actual<"), "the legend names both series");
        assertTrue(svg.contains(">32<") && svg.contains(">40<"), "bars carry their values");
        assertEquals("People at the meeting: Target 40, Actual 32. New leaders: Target 5, Actual 6.",
                document.getElementsByTagName("desc").item(0).getTextContent());
    }

    @Test
    void anActionPlanDrawsItsTargetsAloneInSpanish() throws Exception {
        String svg = new ExerciseDiagrams(Locale.forLanguageTag("es"), "en").svg(exercise("action-plan"), answers("""
                {"targets": [{"measure": "Reuniones uno a uno", "target": 1500}]}""")).orElseThrow();
        Document document = xml(svg);
        assertEquals("Metas", document.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("Reuniones uno a uno: Meta 1500.".replace("1500", "1.500"),
                document.getElementsByTagName("desc").item(0).getTextContent());
        assertFalse(svg.contains(">Real<"));
    }

    @Test
    void chartsCarryNoStyleAttributeForThePagesPolicyBlocksThem() throws Exception {
        String svg = english.svg(exercise("action-results"), answers("""
                {"results": [{"measure": "People at the meeting", "target": 40, "actual": 32}]}""")).orElseThrow();
        assertFalse(svg.contains("style="), svg);
        Document document = xml(svg);
        org.w3c.dom.NodeList shapes = document.getElementsByTagName("rect");
        boolean firstColour = false;
        boolean secondColour = false;
        for (int i = 0; i < shapes.getLength(); i++) {
            String fill = ((org.w3c.dom.Element) shapes.item(i)).getAttribute("fill");
            firstColour |= fill.equals("rgb(31,58,95)");
            secondColour |= fill.equals("rgb(217,118,30)");
        }
        assertTrue(firstColour && secondColour, "the bars are painted in the chart's two colours: " + svg);
    }

    @Test
    void theWholeSnowflakeLeadersDevelopingLeadersAndPeopleBeyondTheTeamWithALegend() throws Exception {
        String json = "{\"members\": ["
                + "{\"member\": {\"name\": \"Ana\"}, \"developed-by\": \"\", \"develops\": \"Rosa, Tomás\"},"
                + "{\"member\": {\"name\": \"Luis\"}, \"developed-by\": \"Ana\", \"develops\": \"Inés; Ana\"},"
                + "{\"member\": {\"name\": \"Kofi\"}, \"developed-by\": \"Luis\"}]}";
        String svg = english.svg(exercise("team-charter"), answers(json)).orElseThrow();
        Document document = xml(svg);
        assertEquals(3, count(svg, "class=\"beyond\"") - 1, "Rosa, Tomás and Inés beyond the team (Ana is on it)");
        assertEquals(5, document.getElementsByTagName("line").getLength(), "2 inside the team, 3 beyond it");
        String description = document.getElementsByTagName("desc").item(0).getTextContent();
        assertEquals("Ana is at the centre. Ana develops Luis. Beyond the team, Ana develops Rosa, Tomás. Luis develops Kofi."
                + " Beyond the team, Luis develops Inés.", description);
        assertTrue(svg.contains(">At the centre of the team<") && svg.contains(">Developed beyond the team<"), "a legend");
    }
}
