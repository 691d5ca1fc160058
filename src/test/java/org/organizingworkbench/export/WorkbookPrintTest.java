package org.organizingworkbench.export;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.view.Templates;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The print page as a reader gets it: every visible exercise, each answer in a readable form, nothing else. */
class WorkbookPrintTest {

    static final Locale ES = Locale.forLanguageTag("es");
    static final String HOSTILE = "<p>Antes</p><script>alert(1)</script><img src=x onerror=alert(2)>"
            + "<a href=\"javascript:alert(3)\">enlace</a></div></table></article></body><style>body{display:none}</style>"
            + "<p>Después <em>de</em> todo</p>";
    private final WorkbookPrint print = new WorkbookPrint(new Templates());

    static WorkbookDocument spanish() {
        WorkbookDocument document = SampleWorkbooks.full(Curricula.hiding("team-launch"), ES);
        document = SampleWorkbooks.withAnswers(document, "resources-to-power", """
                {"actors": [{"actor": "La dirección", "holds": "Los horarios", "wants": "Calma", "our-leverage": "El trabajo"}],
                 "kind-of-power": "power-with"}""");
        document = SampleWorkbooks.withAnswers(document, "one-to-one-log", """
                {"meetings": [], "meetings-held": 6}""");
        return SampleWorkbooks.withAnswers(document, "learning-goals", """
                {"goals": ["Aprender a contar mi historia", "Formar un equipo de verdad"]}""");
    }

    private Document page(WorkbookDocument document) {
        return Jsoup.parse(print.html(document));
    }

    private static Element exercise(Document page, String id) {
        return page.getElementById("exercise-" + id);
    }

    @Test
    void showsModulesExercisesAndAnswersInTheDocumentsLanguage() {
        Document page = page(spanish());
        assertEquals("es", page.selectFirst("html").attr("lang"));
        assertEquals("Cuaderno de trabajo de Carmen Muñoz — Organizing: People, Power and Change", page.title());
        assertEquals(10, page.select("section.module").size());
        assertEquals("Módulo 5: Crear estructura: el equipo de liderazgo", page.selectFirst("#module-5 h2").text());
        assertEquals("Carta del equipo de liderazgo", exercise(page, "team-charter").selectFirst("h3").text());
        assertEquals(List.of("Aprender a contar mi historia", "Formar un equipo de verdad"),
                exercise(page, "learning-goals").select("li").eachText());
        assertTrue(exercise(page, "learning-goals").text().contains("Sin respuesta"), "the unanswered choice says so");
    }

    @Test
    void tablesAreTablesAndChoicesShowTheirLabel() {
        Element actors = exercise(page(spanish()), "resources-to-power");
        assertEquals(List.of("Actor", "Lo que tienen y necesitamos", "Lo que quieren", "Lo que tenemos y necesitan"),
                actors.select("thead th").eachText());
        assertEquals(List.of("La dirección", "Los horarios", "Calma", "El trabajo"),
                actors.select("tbody tr").get(0).select("td").eachText());
        assertTrue(actors.text().contains("Poder con"), actors.text());
        assertFalse(actors.text().contains("power-with"));
    }

    @Test
    void numbersCarryTheirUnitAndTargetAndPeopleTheirRelationship() {
        Document page = page(spanish());
        assertEquals("6 reuniones (meta: 8 reuniones)", exercise(page, "one-to-one-log").selectFirst(".number").text());
        Element lead = exercise(page, "action-plan").selectFirst("dl.person");
        assertEquals(List.of("Nombre", "Relación", "Notas"), lead.select("dt").eachText());
        assertEquals("compañera de trabajo", lead.select("dd").get(1).text());
    }

    @Test
    void hiddenExercisesAreLeftOutAndSubmissionsShown() {
        Document page = page(spanish());
        assertEquals(null, exercise(page, "team-launch"));
        assertTrue(exercise(page, "team-charter").selectFirst(".status").text().startsWith("Entregado con retraso"));
        Document unsubmitted = page(new WorkbookDocument("Curso", "Ana", Curricula.DEFAULT, Locale.ENGLISH,
                java.time.ZoneOffset.UTC, Map.of(), Map.of(), java.time.Instant.parse("2027-01-01T00:00:00Z")));
        assertEquals("Not submitted", exercise(unsubmitted, "team-charter").selectFirst(".status").text());
        assertEquals(0, unsubmitted.select("svg").size(), "no answers, no diagrams");
    }

    @Test
    void diagramsSitNextToTheirTablesWithATextAlternative() {
        Document page = page(spanish());
        Element figure = exercise(page, "team-charter").selectFirst("figure svg");
        assertEquals("img", figure.attr("role"));
        assertTrue(figure.selectFirst("desc").text().contains("Ana Ruiz desarrolla a Luis Peña, Marta Ibáñez, Kofi Mensah."));
        assertEquals(1, exercise(page, "campaign-timeline").select("svg").size());
        assertEquals(1, exercise(page, "action-results").select("svg").size());
    }

    @Test
    void hostileHtmlInALongTextStaysInsideItsAnswer() {
        Document page = page(SampleWorkbooks.withAnswers(spanish(), "story-of-self", "{\"challenge\": "
                + SampleWorkbooks.JSON.valueToTree(HOSTILE) + "}"));
        assertTrue(page.select("script, img, style:not(head style)").isEmpty(), "no script, image or style from an answer");
        assertTrue(page.select("a[href^=javascript]").isEmpty());
        assertEquals(10, page.select("section.module").size(), "closing tags in an answer close nothing of the page");
        Element answer = exercise(page, "story-of-self").selectFirst(".long-text");
        assertEquals("Antes enlace Después de todo", answer.text());
        assertEquals("Mi historia del yo", exercise(page, "story-of-self").selectFirst("h3").text());
        page.select("article.exercise").forEach(article -> assertTrue(article.parent().hasClass("module"), article.id()));
    }
}
