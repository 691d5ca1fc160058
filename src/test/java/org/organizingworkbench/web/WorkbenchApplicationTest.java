package org.organizingworkbench.web;

import org.organizingworkbench.web.launch.LaunchResource;
import org.organizingworkbench.web.launch.RegistrationResource;
import org.organizingworkbench.web.sections.SectionsResource;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.emulator.AgsResource;
import org.organizingworkbench.emulator.DynamicRegistrationResource;
import org.organizingworkbench.emulator.DemoSectionsFilter;
import org.organizingworkbench.emulator.EmulatorResource;
import org.organizingworkbench.infrastructure.Settings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator is wired only in the development profile: in production its endpoints do not exist. */
class WorkbenchApplicationTest {

    @Test
    void productionHasNoEmulatorEndpoints() {
        WorkbenchApplication app = new WorkbenchApplication();
        app.settings = profile(false);
        assertFalse(app.getClasses().contains(EmulatorResource.class));
        assertFalse(app.getClasses().contains(AgsResource.class));
        assertFalse(app.getClasses().contains(DynamicRegistrationResource.class), "no emulated registration platform");
        assertFalse(app.getClasses().contains(DemoSectionsFilter.class), "nothing seeds demo sections in production");
        assertTrue(app.getClasses().contains(SectionsResource.class), "instructors arrange sections everywhere");
        assertTrue(app.getClasses().contains(LaunchResource.class));
        assertTrue(app.getClasses().contains(RegistrationResource.class), "the tool's registration URL exists everywhere");
    }

    @Test
    void developmentHasTheEmulator() {
        WorkbenchApplication app = new WorkbenchApplication();
        app.settings = profile(true);
        assertTrue(app.getClasses().contains(EmulatorResource.class));
        assertTrue(app.getClasses().contains(AgsResource.class));
        assertTrue(app.getClasses().contains(DynamicRegistrationResource.class));
        assertTrue(app.getClasses().contains(DemoSectionsFilter.class));
    }

    private static Settings profile(boolean development) {
        return new Settings() {
            @Override
            public boolean isDevelopment() {
                return development;
            }
        };
    }
}
