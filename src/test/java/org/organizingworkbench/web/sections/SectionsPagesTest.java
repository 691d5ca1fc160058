package org.organizingworkbench.web.sections;

import org.organizingworkbench.web.PageContext;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.course.CourseSection;
import org.organizingworkbench.course.SectionException;
import org.organizingworkbench.course.SectionMember;
import org.organizingworkbench.course.SectionsOverview;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.organizingworkbench.view.Templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sections page as instructors and Teaching Fellows get it, rendered as the server does. */
class SectionsPagesTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final SectionMember JORDAN = new SectionMember(1, "Jordan Lee", CourseRole.TEACHING_ASSISTANT);
    private static final SectionMember LUCIA = new SectionMember(2, "Lucía Fernández", CourseRole.TEACHING_ASSISTANT);
    private static final SectionMember AMARA = new SectionMember(3, "Amara Okafor", CourseRole.LEARNER);
    private static final SectionMember DIEGO = new SectionMember(4, "Diego Ramírez", CourseRole.LEARNER);
    private static final SectionMember HANNAH = new SectionMember(5, "Hannah Schmidt", CourseRole.LEARNER);
    private static final CourseSection A = new CourseSection(10, "Section A", List.of(JORDAN), List.of(AMARA));
    private static final CourseSection B = new CourseSection(11, "Section B", List.of(LUCIA), List.of(DIEGO));
    private static final SectionsOverview OVERVIEW = new SectionsOverview(List.of(A, B), List.of(JORDAN, LUCIA),
            List.of(AMARA, DIEGO, HANNAH));

    private final Templates templates = new Templates();

    private String page(CourseRole role, SectionsOverview overview, List<CourseSection> own, Locale locale) {
        Map<String, Object> model = SectionsPage.model(role, null, overview, own);
        model.put("authHeaders", PageContext.bearerHeaders("t"));
        return templates.render("sections", locale, model);
    }

    @Test
    void anInstructorSeesEverySectionWithCheckboxesByNameAndWhoHasNoSection() {
        String page = page(CourseRole.INSTRUCTOR, OVERVIEW, null, Locale.ENGLISH);
        assertTrue(page.contains("hx-post=\"/app/sections\""), "a section can be created");
        assertTrue(page.contains("hx-post=\"/app/sections/10/members\""));
        assertTrue(page.contains("Students with no section (1)"), page);
        assertTrue(Pattern.compile("<ul id=\"unassigned\"[^>]*>\\s*<li data-member=\"5\">Hannah Schmidt</li>").matcher(page).find());
        assertTrue(page.contains("(now in Section B; ticking moves them here)"), "Diego's other section is named");
        assertTrue(Pattern.compile("id=\"s10-m3\"[^>]*checked").matcher(page).find(), "Amara is ticked in her section");
        assertFalse(Pattern.compile("id=\"s10-m4\"[^>]*checked").matcher(page).find(), "Diego is not ticked in A");
        assertTrue(page.contains("id=\"sections-spread\""));
        assertAccessible(page);
    }

    @Test
    void aTeachingFellowSeesTheirSectionsWithoutAnythingToChange() {
        String page = page(CourseRole.TEACHING_ASSISTANT, null, List.of(A), Locale.ENGLISH);
        assertTrue(page.contains("Section A"));
        assertTrue(page.contains("Amara Okafor"));
        assertFalse(page.contains("Section B"));
        assertFalse(page.contains("hx-post"), "read-only");
        assertFalse(page.contains("type=\"checkbox\""));
        assertAccessible(page);
        assertTrue(page(CourseRole.TEACHING_ASSISTANT, null, List.of(), Locale.ENGLISH)
                .contains("You do not lead a section yet"));
    }

    @Test
    void theSpanishPageIsSpanish() {
        String page = page(CourseRole.INSTRUCTOR, OVERVIEW, null, ES);
        assertTrue(page.contains("Estudiantes sin sección (1)"), page);
        assertTrue(page.contains("Crear sección"));
        assertAccessible(page);
    }

    @Test
    void aRefusedNameIsSaidInTheStatusRegionAndTheFieldKeepsWhatWasTyped() {
        Map<String, Object> model = SectionsPage.model(CourseRole.INSTRUCTOR,
                SectionsPage.Notice.problem(SectionException.Problem.NAME_TAKEN, 0, "Section A"), OVERVIEW, null);
        String panel = templates.render("fragments/sections", Locale.ENGLISH, model);
        assertTrue(panel.contains("hx-swap-oob=\"innerHTML:#sections-status\""));
        assertTrue(panel.contains("Another section of this course already has that name."));
        assertTrue(Pattern.compile("id=\"section-name\"[^>]*value=\"Section A\"[^>]*aria-invalid=\"true\"").matcher(panel).find(), panel);
        assertTrue(panel.trim().startsWith("<div id=\"sections-panel\""), "the panel replaces itself, no wrapper");
    }

    @Test
    void aDoneChangeIsSaid() {
        Map<String, Object> model = SectionsPage.model(CourseRole.INSTRUCTOR,
                SectionsPage.Notice.of("sections.spreadDone", 3), OVERVIEW, null);
        assertTrue(templates.render("fragments/sections", Locale.ENGLISH, model).contains("3 students were placed."));
    }

    /** Every form control has a label, ids are unique, every text is there and there is no inline script. */
    private static void assertAccessible(String page) {
        assertFalse(page.contains("??"), "every text is there");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(), "no inline script (CSP)");
        Matcher inputs = Pattern.compile("<input[^>]*\\bid=\"([^\"]+)\"").matcher(page);
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (inputs.find()) {
            assertTrue(page.contains("for=\"" + inputs.group(1) + "\""), "a label for " + inputs.group(1));
            assertTrue(ids.add(inputs.group(1)), "one " + inputs.group(1));
        }
        assertEquals(0, count(page, "<input(?![^>]*\\bid=)(?![^>]*type=\"hidden\")[^>]*>"), "no input without an id");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
