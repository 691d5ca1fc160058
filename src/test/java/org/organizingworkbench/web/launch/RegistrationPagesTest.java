package org.organizingworkbench.web.launch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.RegistrationFailure;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.organizingworkbench.view.Templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages of a dynamic registration, rendered from the
 * templates as the server renders them (the integration tests run the development profile, where approval is auto).
 */
class RegistrationPagesTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private final Templates templates = new Templates();

    @Test
    @DisplayName("a registration waiting for approval says so, names the admin page, and closes by a script from the tool")
    void pendingRegistrationPage() {
        String page = templates.render("registration", Locale.ENGLISH, registrationModel(true, "1"));
        assertTrue(page.contains("data-pending=\"true\""));
        assertTrue(page.contains("id=\"client-id\">dr-moodle-abc</code>"));
        assertTrue(page.contains("id=\"deployment-id\">1</code>"));
        assertTrue(page.contains("until the tool administrator approves it"), page);
        assertTrue(page.contains("https://workbench.example.edu/admin"));
        assertTrue(page.contains("Manage tools"), "Moodle's next steps");
        assertTrue(page.contains("data-lti-close"));
        assertTrue(page.contains("<script src=\"/static/registration.js\"></script>"));
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(), "no inline script (CSP)");
    }

    @Test
    @DisplayName("an approved Canvas registration says launches work and what to do in Canvas, in Spanish too")
    void activeCanvasRegistrationInSpanish() {
        String page = templates.render("registration", ES, new RegistrationResource.Registered(
                "Moodle (lms.example.edu)", "https://lms.example.edu", "dr-moodle-abc", null, false, false, "canvas",
                "https://workbench.example.edu/admin"));
        assertTrue(page.contains("<html lang=\"es\""));
        assertTrue(page.contains("data-pending=\"false\""));
        assertTrue(page.contains("La herramienta ya acepta accesos"));
        assertTrue(page.contains("Por ID de cliente"));
        assertFalse(page.contains("id=\"deployment-id\""), "Canvas has no deployment yet");
        assertFalse(page.contains("??"), "every text is translated");
    }

    @Test
    @DisplayName("every failure renders a page that names it, in both languages")
    void failurePages() {
        for (String failure : List.of(RegistrationFailure.ISSUER_MISMATCH.name(), RegistrationResource.CONFLICT)) {
            for (Locale locale : List.of(Locale.ENGLISH, ES)) {
                String page = templates.render("registration-error", locale, new RegistrationResource.RegistrationFailed(
                        failure, "spec", "what happened", "https://lms.example.edu/openid-configuration"));
                assertTrue(page.contains("<code id=\"failure\">" + failure + "</code>"));
                assertFalse(page.contains("??"), failure + " " + locale + ": every text is there");
            }
        }
    }

    private static RegistrationResource.Registered registrationModel(boolean pending, String deploymentId) {
        return new RegistrationResource.Registered("Moodle (lms.example.edu)", "https://lms.example.edu", "dr-moodle-abc",
                deploymentId, pending, false, "moodle", "https://workbench.example.edu/admin");
    }

}
