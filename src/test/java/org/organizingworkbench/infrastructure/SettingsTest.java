package org.organizingworkbench.infrastructure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static Settings settings(String profile, String approval) {
        Settings settings = new Settings();
        settings.profile = profile;
        settings.registrationApproval = Optional.ofNullable(approval);
        return settings;
    }
}
