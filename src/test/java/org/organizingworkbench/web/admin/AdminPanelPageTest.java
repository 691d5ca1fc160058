package org.organizingworkbench.web.admin;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.platform.Deployment;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistration;
import org.organizingworkbench.platform.PlatformStatus;
import org.organizingworkbench.view.Templates;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator's panel rendered from its page model as the server renders it. */
class AdminPanelPageTest {

    private final Templates templates = new Templates();

    @Test
    @DisplayName("the admin panel lists a platform waiting for approval with Approve and Reject buttons")
    void adminPanelListsPendingPlatforms() throws Exception {
        Platform pending = platform(41L, "dr-moodle-xyz", PlatformStatus.PENDING);
        Platform active = platform(42L, "workbench-emulator", PlatformStatus.ACTIVE);
        Map<Platform, List<Deployment>> platforms = new LinkedHashMap<>();
        platforms.put(pending, List.of());
        platforms.put(active, List.of());
        AdminPanel model = new AdminPanel(null, platforms, List.of(pending), List.of(), "https://workbench.example.edu",
                AdminOutcome.NONE);
        String panel = templates.render("fragments/admin-panel", Locale.ENGLISH, model);
        assertTrue(panel.contains("Platforms waiting for approval"));
        assertTrue(panel.contains("data-pending-platform=\"dr-moodle-xyz\""));
        assertTrue(panel.contains("hx-post=\"/admin/platforms/41/approve\""));
        assertTrue(panel.contains("hx-post=\"/admin/platforms/41/reject\""));
        assertFalse(panel.contains("/admin/platforms/42/approve"), "an active platform has nothing to approve");
        assertTrue(panel.contains("data-platform-status=\"dr-moodle-xyz\">Waiting for approval<"));
        assertTrue(panel.contains("data-platform-status=\"workbench-emulator\">Active<"));

        AdminPanel nothingWaits = new AdminPanel(null, platforms, List.of(), List.of(), "https://workbench.example.edu",
                AdminOutcome.NONE);
        assertFalse(templates.render("fragments/admin-panel", Locale.ENGLISH, nothingWaits).contains("pending-heading"),
                "no section when nothing waits");
    }


    @Test
    @DisplayName("a registration that cannot be stored keeps what was typed and marks the invalid fields")
    void invalidRegistrationKeepsTheForm() throws Exception {
        AdminPanel model = new AdminPanel(null, Map.of(), List.of(), List.of(), "https://workbench.example.edu",
                AdminOutcome.invalid(List.of("issuer"), Map.of("name", "Our Moodle", "issuer", "not a url")));
        String panel = templates.render("fragments/admin-panel", Locale.ENGLISH, model);
        assertTrue(panel.contains("value=\"Our Moodle\""), panel);
        assertTrue(panel.contains("value=\"not a url\""));
        assertTrue(panel.contains("aria-invalid=\"true\""), "the invalid field is marked for screen readers");
    }

    @Test
    @DisplayName("what the last action did is said once, in the reader's language")
    void outcomeNotices() {
        String rotated = templates.render("fragments/admin-panel", Locale.forLanguageTag("es"), new AdminPanel(null,
                Map.of(), List.of(), List.of(), "https://workbench.example.edu", AdminOutcome.rotatedTo("kid-7")));
        assertTrue(rotated.contains("kid-7"));
        assertFalse(rotated.contains("??"));
        String kept = templates.render("fragments/admin-panel", Locale.ENGLISH, new AdminPanel(null, Map.of(),
                List.of(), List.of(), "https://workbench.example.edu", AdminOutcome.kept()));
        assertTrue(kept.contains("id=\"deployment-kept\""));
        String none = templates.render("fragments/admin-panel", Locale.ENGLISH, new AdminPanel(null, Map.of(),
                List.of(), List.of(), "https://workbench.example.edu", AdminOutcome.NONE));
        assertFalse(none.contains("deployment-kept"));
        assertFalse(none.contains("role=\"status\""), "no notice when nothing was done");
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
