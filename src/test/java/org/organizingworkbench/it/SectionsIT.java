package org.organizingworkbench.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sections over HTTP: an instructor creates sections and places Teaching Fellows and students, and a Fellow's
 * roster and students' workbooks follow; nobody else can change them, and ids of another course are refused. The
 * emulator's demo course comes with Section A and Section B. Courses "secit" and "secother" are the emulator's
 * synthetic courses (login hints bench-C-instructor, bench-C-taN, bench-C-uN), so this class owns them alone.
 */
@ExtendWith(SharedTool.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SectionsIT {

    private static final String BASE = EmulatorLaunch.TOOL;
    private static final Pattern CHECKBOX = Pattern.compile("<input[^>]*value=\"(\\d+)\"[^>]*data-name=\"([^\"]+)\"");
    private static final Pattern SECTION = Pattern.compile("data-section=\"(\\d+)\"[^>]*>\\s*<h2[^>]*>([^<]+)</h2>");

    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, Long> MEMBERS = new HashMap<>();
    private static final Map<String, Long> SECTIONS = new HashMap<>();
    private final Browser browser = new Browser();


    @Test
    @Order(1)
    void anInstructorCreatesASectionAndPlacesAFellowAndStudentsAndTheFellowSeesExactlyThem() throws Exception {
        for (String user : new String[]{"ta1", "ta2", "u1", "u2", "u3", "u4"}) {
            token("bench-secit-" + user);
        }
        HttpResponse<String> page = get("/app/sections", instructor());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Students with no section (4)"), page.body());

        HttpResponse<String> created = post("/app/sections", "name=Circle+One", instructor());
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("Section \u201cCircle One\u201d created."), created.body());
        readIds(created.body());
        HttpResponse<String> placed = post("/app/sections/" + SECTIONS.get("Circle One") + "/members",
                members("ta1", "u1", "u2"), instructor());
        assertEquals(200, placed.statusCode(), placed.body());
        assertTrue(placed.body().contains("Members saved."));
        assertTrue(placed.body().contains("Students with no section (2)"));

        String fellow = TOKENS.get("bench-secit-ta1");
        assertEquals(Set.of("u1", "u2"), learnersIn(get("/app/roster", fellow).body()), "the Fellow's roster");
        HttpResponse<String> learners = get("/app/learners", fellow);
        assertEquals(200, learners.statusCode(), learners.body());
        assertEquals(Set.of("u1", "u2"), learnersIn(learners.body()), "the workbooks they read: " + learners.body());
        HttpResponse<String> fellowPage = get("/app/sections", fellow);
        assertEquals(200, fellowPage.statusCode());
        assertTrue(fellowPage.body().contains("Circle One"));
        assertFalse(fellowPage.body().contains("hx-post=\"/app/sections"), "a Fellow's view is read-only");
        assertEquals(Set.of("u1", "u2", "u3", "u4"), learnersIn(get("/app/roster", instructor()).body()));
    }

    @Test
    @Order(2)
    void aNameAlreadyUsedOrEmptyIsRefusedWithAReason() throws Exception {
        HttpResponse<String> taken = post("/app/sections", "name=circle+one", instructor());
        assertEquals(422, taken.statusCode());
        assertTrue(taken.body().contains("Another section of this course already has that name."), taken.body());
        HttpResponse<String> blank = post("/app/sections", "name=+++", instructor());
        assertEquals(422, blank.statusCode());
        assertTrue(blank.body().contains("Give the section a name."));
    }

    @Test
    @Order(3)
    void aStudentIsInOneSectionAtMostAndTheRestArePlacedEvenly() throws Exception {
        readIds(post("/app/sections", "name=Circle+Two", instructor()).body());
        assertEquals(200, post("/app/sections/" + SECTIONS.get("Circle Two") + "/members", members("ta2", "u1"),
                instructor()).statusCode());
        assertEquals(Set.of("u2"), learnersIn(get("/app/roster", TOKENS.get("bench-secit-ta1")).body()),
                "u1 moved to Circle Two");
        HttpResponse<String> spread = post("/app/sections/spread", "", instructor());
        assertEquals(200, spread.statusCode(), spread.body());
        assertTrue(spread.body().contains("2 students were placed."), spread.body());
        assertTrue(spread.body().contains("Students with no section (0)"));
        assertEquals(Set.of("u2", "u3"), learnersIn(get("/app/roster", TOKENS.get("bench-secit-ta1")).body()));
        assertEquals(Set.of("u1", "u4"), learnersIn(get("/app/roster", TOKENS.get("bench-secit-ta2")).body()));
    }

    @Test
    @Order(4)
    void fellowsAndStudentsCannotChangeSections() throws Exception {
        String fellow = TOKENS.get("bench-secit-ta1");
        String student = token("bench-secit-u1");
        long one = SECTIONS.get("Circle One");
        for (String token : new String[]{fellow, student}) {
            assertEquals(403, post("/app/sections", "name=Mine", token).statusCode());
            assertEquals(403, post("/app/sections/" + one + "/members", members("u1"), token).statusCode());
            assertEquals(403, post("/app/sections/" + one + "/name", "name=Mine", token).statusCode());
            assertEquals(403, post("/app/sections/" + one + "/delete", "", token).statusCode());
            assertEquals(403, post("/app/sections/spread", "", token).statusCode());
        }
        assertEquals(403, get("/app/sections", student).statusCode());
        assertEquals(401, browser.get(BASE + "/app/sections").statusCode());
        assertEquals(Set.of("u2", "u3"), learnersIn(get("/app/roster", fellow).body()), "nothing changed");
    }

    @Test
    @Order(5)
    void idsOfAnotherCourseAreRefused() throws Exception {
        String otherInstructor = token("bench-secother-instructor");
        token("bench-secother-u1");
        HttpResponse<String> elsewhere = post("/app/sections", "name=Elsewhere", otherInstructor);
        assertEquals(200, elsewhere.statusCode());
        Matcher other = CHECKBOX.matcher(elsewhere.body());
        assertTrue(other.find());
        String foreignMember = other.group(1);
        Matcher section = SECTION.matcher(elsewhere.body());
        assertTrue(section.find());
        String foreignSection = section.group(1);
        long one = SECTIONS.get("Circle One");

        assertEquals(404, post("/app/sections/" + one + "/members", members("u2") + "&member=" + foreignMember,
                instructor()).statusCode(), "a member of another course");
        assertEquals(404, post("/app/sections/" + one + "/members", "member=987654321", instructor()).statusCode(),
                "a membership that does not exist");
        assertEquals(404, post("/app/sections/" + foreignSection + "/members", members("u2"), instructor()).statusCode());
        assertEquals(404, post("/app/sections/" + foreignSection + "/name", "name=Mine", instructor()).statusCode());
        assertEquals(404, post("/app/sections/" + foreignSection + "/delete", "", instructor()).statusCode());
        assertTrue(get("/app/sections", otherInstructor).body().contains("Elsewhere"), "the other course's section stays");
        assertEquals(Set.of("u2", "u3"), learnersIn(get("/app/roster", TOKENS.get("bench-secit-ta1")).body()));
    }

    @Test
    @Order(6)
    void renamingAndDeletingASectionKeepsItsStudentsAndTheirWork() throws Exception {
        long two = SECTIONS.get("Circle Two");
        HttpResponse<String> renamed = post("/app/sections/" + two + "/name", "name=Circle+2", instructor());
        assertEquals(200, renamed.statusCode());
        assertTrue(renamed.body().contains("Circle 2"));
        HttpResponse<String> deleted = post("/app/sections/" + two + "/delete", "", instructor());
        assertEquals(200, deleted.statusCode());
        assertFalse(deleted.body().contains("Circle 2</h2>"));
        assertTrue(deleted.body().contains("Students with no section (2)"), deleted.body());
        assertEquals(Set.of(), learnersIn(get("/app/roster", TOKENS.get("bench-secit-ta2")).body()));
        assertEquals(Set.of("u1", "u2", "u3", "u4"), learnersIn(get("/app/learners", instructor()).body()),
                "every student keeps their workbook");
    }

    @Test
    @Order(7)
    void theDemoCourseComesWithSectionAAndB() throws Exception {
        String fellow = token("demo-ta-1");
        Set<String> sectionA = Set.of("Amara Okafor", "Diego Ram\u00edrez", "Hannah Schmidt", "Kwame Mensah", "Mei Chen");
        String roster = Browser.unescape(get("/app/roster", fellow).body());
        for (String name : sectionA) {
            assertTrue(roster.contains(name), name + " in " + roster);
        }
        for (String name : new String[]{"Priya Nair", "Rosa Guti\u00e9rrez", "Samuel Cohen", "Tom\u00e1s Silva", "Zainab Hassan"}) {
            assertFalse(roster.contains(name), name + " is in Section B");
        }
        assertEquals(sectionA, namesOfLearners(get("/app/learners", fellow).body()), "exactly Section A's workbooks");
        String page = get("/app/sections", fellow).body();
        assertTrue(page.contains("Section A") && !page.contains("Section B"), page);
        String instructorPage = get("/app/sections", token("demo-instructor-1")).body();
        // Moodle's Names and Roles lists its non-editing teacher as Learner: she has no section until she launches
        // (as Instructor) or an instructor marks her staff in the tool.
        assertTrue(instructorPage.contains("Section B") && instructorPage.contains("Students with no section (1)"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String instructor() throws Exception {
        return token("bench-secit-instructor");
    }

    private String token(String user) throws Exception {
        if (!TOKENS.containsKey(user)) {
            TOKENS.put(user, LaunchOverHttpIT.sessionToken(EmulatorLaunch.launch(new Browser(), user, "resource-link").body()));
        }
        return TOKENS.get(user);
    }

    /** Membership ids by short name (ta1, u1, …) from the checkboxes of the instructor's panel; section ids by name. */
    private static void readIds(String panel) {
        Matcher box = CHECKBOX.matcher(Browser.unescape(panel));
        while (box.find()) {
            String name = box.group(2);
            MEMBERS.put(name.substring(name.lastIndexOf('.') + 1), Long.valueOf(box.group(1)));
        }
        Matcher section = SECTION.matcher(Browser.unescape(panel));
        while (section.find()) {
            SECTIONS.put(section.group(2), Long.valueOf(section.group(1)));
        }
    }

    private static String members(String... shortNames) {
        return Stream.of(shortNames).map(n -> "member=" + MEMBERS.get(n)).collect(Collectors.joining("&"));
    }

    /** The learners of course secit a page names, by short name. */
    private static Set<String> learnersIn(String page) {
        Matcher m = Pattern.compile("Bench Learner secit\\.(u\\d+)").matcher(page);
        Set<String> found = new LinkedHashSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> namesOfLearners(String learnersPage) {
        Matcher m = Pattern.compile("data-learner=\"\\d+\"[^>]*>\\s*(?:<th[^>]*>\\s*)?<a[^>]*>([^<]+)</a>").matcher(Browser.unescape(learnersPage));
        Set<String> found = new LinkedHashSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return browser.get(BASE + path, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> post(String path, String form, String token) throws Exception {
        return browser.postEncoded(BASE + path, form, "Authorization", "Bearer " + token);
    }
}
