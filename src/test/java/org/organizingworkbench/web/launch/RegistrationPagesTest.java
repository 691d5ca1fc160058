package org.organizingworkbench.web.launch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.RegistrationFailure;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistration;
import org.organizingworkbench.platform.PlatformStatus;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.organizingworkbench.view.Templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages of a dynamic registration and the admin's view of a platform waiting for approval, rendered from the
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
        Map<String, Object> model = registrationModel(false, null);
        model.put("family", "canvas");
        String page = templates.render("registration", ES, model);
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
                Map<String, Object> model = Map.of("failure", failure, "specification", "spec", "detail", "what happened",
                        "configuration", "https://lms.example.edu/openid-configuration");
                String page = templates.render("registration-error", locale, model);
                assertTrue(page.contains("<code id=\"failure\">" + failure + "</code>"));
                assertFalse(page.contains("??"), failure + " " + locale + ": every text is there");
            }
        }
    }

    @Test
    @DisplayName("the admin panel lists a platform waiting for approval with Approve and Reject buttons")
    void adminPanelListsPendingPlatforms() throws Exception {
        Platform pending = platform(41L, "dr-moodle-xyz", PlatformStatus.PENDING);
        Platform active = platform(42L, "workbench-emulator", PlatformStatus.ACTIVE);
        Map<Platform, Object> platforms = new LinkedHashMap<>();
        platforms.put(pending, List.of());
        platforms.put(active, List.of());
        Map<String, Object> model = new HashMap<>();
        model.put("platforms", platforms);
        model.put("pendingPlatforms", List.of(pending));
        model.put("keys", List.of());
        model.put("baseUrl", "https://workbench.example.edu");
        String panel = templates.render("fragments/admin-panel", Locale.ENGLISH, model);
        assertTrue(panel.contains("Platforms waiting for approval"));
        assertTrue(panel.contains("data-pending-platform=\"dr-moodle-xyz\""));
        assertTrue(panel.contains("hx-post=\"/admin/platforms/41/approve\""));
        assertTrue(panel.contains("hx-post=\"/admin/platforms/41/reject\""));
        assertFalse(panel.contains("/admin/platforms/42/approve"), "an active platform has nothing to approve");
        assertTrue(panel.contains("data-platform-status=\"dr-moodle-xyz\">Waiting for approval<"));
        assertTrue(panel.contains("data-platform-status=\"workbench-emulator\">Active<"));

        model.put("pendingPlatforms", List.of());
        assertFalse(templates.render("fragments/admin-panel", Locale.ENGLISH, model).contains("pending-heading"),
                "no section when nothing waits");
    }

    private static Map<String, Object> registrationModel(boolean pending, String deploymentId) {
        Map<String, Object> model = new HashMap<>();
        model.put("platformName", "Moodle (lms.example.edu)");
        model.put("issuer", "https://lms.example.edu");
        model.put("clientId", "dr-moodle-abc");
        model.put("deploymentId", deploymentId);
        model.put("pending", pending);
        model.put("alreadyRegistered", false);
        model.put("family", "moodle");
        model.put("adminUrl", "https://workbench.example.edu/admin");
        return model;
    }

    private static Platform platform(long id, String clientId, PlatformStatus status) throws Exception {
        Platform platform = new Platform(new PlatformRegistration("Moodle " + clientId, "https://lms.example.edu", clientId,
                "https://lms.example.edu/auth", "https://lms.example.edu/token", "https://lms.example.edu/jwks", List.of()), status);
        Field field = Platform.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(platform, id);
        return platform;
    }
}
