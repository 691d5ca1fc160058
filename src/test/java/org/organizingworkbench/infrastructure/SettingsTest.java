package org.organizingworkbench.infrastructure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    @DisplayName("WORKBENCH_REGISTRATION_APPROVAL unset: auto in development, admin in production")
    void approvalDefaultsByProfile() {
        assertEquals(Settings.RegistrationApproval.AUTO, settings("development", null).registrationApproval());
        assertEquals(Settings.RegistrationApproval.ADMIN, settings("production", null).registrationApproval());
        assertEquals(Settings.RegistrationApproval.ADMIN, settings("production", " ").registrationApproval());
    }

    @Test
    @DisplayName("an explicit value wins over the profile; anything but auto means admin")
    void explicitApproval() {
        assertEquals(Settings.RegistrationApproval.AUTO, settings("production", "AUTO").registrationApproval());
        assertEquals(Settings.RegistrationApproval.ADMIN, settings("development", "admin").registrationApproval());
        assertEquals(Settings.RegistrationApproval.ADMIN, settings("development", "yes please").registrationApproval());
    }

    @Test
    @DisplayName("Dynamic Registration contacts only listed origins; unlisted, none in production and only this machine in development")
    void registrationOrigins() {
        Settings production = settings("production", null);
        assertFalse(production.registrationAllowedFrom("https://moodle.example.edu"), "production with no list: none");
        production.registrationOrigins = Optional.of("https://moodle.example.edu/, https://canvas.instructure.com");
        assertTrue(production.registrationAllowedFrom("https://moodle.example.edu"));
        assertTrue(production.registrationAllowedFrom("https://canvas.instructure.com"));
        assertFalse(production.registrationAllowedFrom("http://169.254.169.254"), "not the cloud metadata service");
        assertFalse(production.registrationAllowedFrom("https://moodle.example.edu.evil.example"));
        Settings development = settings("development", null);
        assertTrue(development.registrationAllowedFrom("http://localhost:8080"));
        assertTrue(development.registrationAllowedFrom("http://127.0.0.1:9"));
        assertTrue(development.registrationAllowedFrom("http://[::1]:8080"));
        assertFalse(development.registrationAllowedFrom("https://moodle.example.edu"), "development is not open to any host");
        assertFalse(development.registrationAllowedFrom("http://169.254.169.254"));
        assertFalse(development.registrationAllowedFrom("http://localhost.evil.example"));
        development.registrationOrigins = Optional.of("https://only.example");
        assertTrue(development.registrationAllowedFrom("https://only.example"));
        assertFalse(development.registrationAllowedFrom("http://localhost:8080"), "a list applies in every profile");
        assertFalse(settings("production", null).registrationAllowedFrom("http://localhost:8080"), "production: listed only");
        production.registrationOrigins = Optional.of("*");
        assertTrue(production.registrationAllowedFrom("https://anything.example"));
    }

    private static Settings settings(String profile, String approval) {
        Settings settings = new Settings();
        settings.profile = profile;
        settings.registrationApproval = Optional.ofNullable(approval);
        settings.registrationOrigins = Optional.empty();
        return settings;
    }
}
