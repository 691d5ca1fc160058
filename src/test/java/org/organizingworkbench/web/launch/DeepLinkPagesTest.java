package org.organizingworkbench.web.launch;

import org.organizingworkbench.web.PageContext;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.launch.Session;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.organizingworkbench.view.Templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The activity picker and the page that carries the Deep Linking response back, rendered as the server does. */
class DeepLinkPagesTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private final Templates templates = new Templates();
    private final Session instructor = new Session(1L, "Marta Alvarez", 2L, "Organizing", 3L, CourseRole.INSTRUCTOR,
            4L, 5L, "en", Instant.now().plusSeconds(600), null);

    private Map<String, Object> picker(boolean multiple, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", instructor);
        model.put("authHeaders", PageContext.bearerHeaders("t"));
        model.put("context", "ctx");
        model.put("multiple", multiple);
        model.put("modules", DeepLinkPicker.choices(CurriculumLoader.defaultCurriculum(), language));
        return model;
    }

    @Test
    @DisplayName("the picker lists modules and exercises, checkboxes and default points when the LMS accepts several")
    void severalItems() {
        String page = templates.render("deep-linking", Locale.ENGLISH, picker(true, "en"));
        assertTrue(page.contains("Building relationships"));
        assertTrue(Pattern.compile("name=\"points-one-to-one-log\"\\s+id=\"p-one-to-one-log\"\\s+value=\"20\"")
                .matcher(page).find(), page);
        assertFalse(page.contains("type=\"radio\""));
        assertTrue(page.contains("hx-post=\"/app/deep-link\""));
        assertTrue(page.contains("value=\"round:story-of-self\""), "each exercise can be placed as a peer review round");
        assertTrue(page.contains(">as a peer review round<"), page);
        assertFalse(page.contains("??"), "every text is there");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(), "no inline script (CSP)");
    }

    @Test
    @DisplayName("one item only: radio buttons; Spanish titles for a Spanish instructor")
    void singleItemInSpanish() {
        String page = templates.render("deep-linking", ES, picker(false, "es"));
        assertFalse(page.contains("type=\"checkbox\""));
        assertTrue(page.contains("type=\"radio\""));
        assertTrue(page.contains("Construir relaciones"));
        assertTrue(page.contains("Elige una actividad"));
        assertTrue(page.contains("type=\"radio\" name=\"exercise\" value=\"round:story-of-self\""),
                "one choice among exercises and rounds alike");
        assertTrue(page.contains(">como ronda de revisi\u00f3n entre pares<"));
        assertFalse(page.contains("??"));
    }

    @Test
    @DisplayName("no ltiResourceLink among the accepted types: the page explains and offers nothing to post")
    void typeNotOffered() {
        String page = templates.render("deep-linking", Locale.ENGLISH,
                Map.of("session", instructor, "problem", "typeNotOffered", "offered", "html, image"));
        assertTrue(page.contains("it accepts: html, image"), page);
        assertFalse(page.contains("<form"));
        for (String problem : List.of("forbidden", "noCourse", "contextInvalid", "onlyOne", "unknownExercise", "badPoints")) {
            String es = templates.render("deep-linking", ES, Map.of("session", instructor, "problem", problem));
            assertTrue(es.contains("data-problem=\"" + problem + "\""));
            assertFalse(es.contains("??"), problem);
        }
    }

    @Test
    @DisplayName("the answer posts the JWT to the return URL by a script from the tool, with a noscript button")
    void returnPage() {
        String page = templates.render("deep-link-return", Locale.ENGLISH,
                Map.of("action", "https://lms.example/return?x=1&y=2", "jwt", "a.b.c", "count", 2));
        assertTrue(page.contains("action=\"https://lms.example/return?x=1&amp;y=2\""));
        assertTrue(page.contains("<input type=\"hidden\" name=\"JWT\" value=\"a.b.c\">"));
        assertTrue(page.contains("data-autosubmit"));
        assertTrue(page.contains("<noscript>"));
        assertTrue(page.contains("Adding 2 activities"));
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find());
    }

    @Test
    void pointsTypedOrDefault() {
        assertEquals(20.0, DeepLinkResource.points("", 20.0));
        assertEquals(7.5, DeepLinkResource.points("7,5", 20.0));
        assertNull(DeepLinkResource.points("0", 20.0));
        assertNull(DeepLinkResource.points("-3", 20.0));
        assertNull(DeepLinkResource.points("abc", 20.0));
        assertNull(DeepLinkResource.points("NaN", 20.0));
        assertNull(DeepLinkResource.points(null, null));
    }
}
