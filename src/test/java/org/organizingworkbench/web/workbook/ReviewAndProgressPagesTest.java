package org.organizingworkbench.web.workbook;

import org.organizingworkbench.web.PageContext;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.organizingworkbench.view.Templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The submission review pages, rendered as the server does, in both languages. */
class ReviewAndProgressPagesTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private final Templates templates = new Templates();

    private String review(Locale locale, String learnerName) {
        Map<String, Object> model = new HashMap<>();
        model.put("authHeaders", PageContext.bearerHeaders("token-1"));
        model.put("learnerName", learnerName);
        model.put("exerciseTitle", "My story of self");
        model.put("workUrl", SubmissionReviewPage.workUrl(42, "story-of-self"));
        model.put("workPartUrl", SubmissionReviewPage.workUrl(42, "story-of-self") + "/work");
        return templates.render("submission-review", locale, model);
    }

    @Test
    void theReviewPageLoadsTheLearnersWorkAtOnceAndLinksToIt() {
        String page = review(Locale.ENGLISH, "Amara Okafor");
        java.util.regex.Matcher main = Pattern.compile("<section id=\"review-work\"[^>]*>").matcher(page);
        assertTrue(main.find(), page);
        assertTrue(main.group().contains("hx-trigger=\"load\""), "loaded at once: " + main.group());
        assertTrue(main.group().contains("hx-get=\"/app/learners/42/workbook/exercises/story-of-self/work\""), main.group());
        assertTrue(page.contains("href=\"/app/learners/42/workbook/exercises/story-of-self\""), "a visible link too");
        assertTrue(page.contains("Work of Amara Okafor: My story of self"));
        assertTrue(Browserless.unescape(page).contains("\"Authorization\": \"Bearer token-1\""), "htmx sends the session");
        assertFalse(page.contains("??"), "every text is there");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(), "no inline script (CSP)");
    }

    @Test
    void aLearnerWithoutASharedNameAndSpanish() {
        String page = review(ES, null);
        assertTrue(page.contains("<html lang=\"es\""));
        assertTrue(Browserless.unescape(page).contains("Trabajo de (el LMS no compartió el nombre): My story of self"), page);
        assertFalse(page.contains("??"));
    }

    @Test
    void everyRefusalSaysWhatHappenedAndWhatToDoInBothLanguages() {
        for (SubmissionReviewPage.Refusal refusal : SubmissionReviewPage.Refusal.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, ES)) {
                String page = templates.render("submission-review-refused", locale, Map.of("refusal", refusal.name()));
                assertFalse(page.contains("??"), refusal + " " + locale + ": " + page);
                assertTrue(page.contains("id=\"refusal-" + refusal.name() + "\""));
            }
        }
    }

    @Test
    void exerciseIdsAreOneSafePathSegment() {
        assertEquals("/app/learners/7/workbook/exercises/a%2Fb%20c", SubmissionReviewPage.workUrl(7, "a/b c"));
    }

    /** HTML attribute escapes, undone for reading. */
    private static final class Browserless {
        static String unescape(String s) {
            return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        }
    }
}
