package org.organizingworkbench.web;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.emulator.AgsResource;
import org.organizingworkbench.emulator.DemoSectionsFilter;
import org.organizingworkbench.emulator.DynamicRegistrationResource;
import org.organizingworkbench.emulator.EmulatorResource;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.web.admin.AdminFilter;
import org.organizingworkbench.web.admin.AdminResource;
import org.organizingworkbench.web.curriculum.CurriculumEditorResource;
import org.organizingworkbench.web.grading.GradesResource;
import org.organizingworkbench.web.home.HomeResource;
import org.organizingworkbench.web.launch.CanvasConfigResource;
import org.organizingworkbench.web.launch.DeepLinkResource;
import org.organizingworkbench.web.launch.JwksResource;
import org.organizingworkbench.web.launch.LaunchResource;
import org.organizingworkbench.web.launch.LoginResource;
import org.organizingworkbench.web.launch.RegistrationResource;
import org.organizingworkbench.web.launch.RootResource;
import org.organizingworkbench.web.people.PeopleResource;
import org.organizingworkbench.web.sections.SectionsResource;
import org.organizingworkbench.web.workbook.ExportResource;
import org.organizingworkbench.web.workbook.WorkbookResource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every room registers itself through {@code Routes}; the emulator is wired only in the development profile: in
 * production its endpoints do not exist.
 */
class WorkbenchApplicationTest {

    private static final Set<Class<?>> TOOL = Set.of(
            LoginResource.class, LaunchResource.class, RegistrationResource.class, JwksResource.class, HomeResource.class,
            GradesResource.class, CurriculumEditorResource.class,
            AdminResource.class, CanvasConfigResource.class, StaticResource.class, RootResource.class,
            DeepLinkResource.class, WorkbookResource.class, SectionsResource.class, PeopleResource.class, ExportResource.class,
            org.organizingworkbench.web.privacy.PrivacyResource.class,
            org.organizingworkbench.web.privacy.AdminPrivacyResource.class,
            org.organizingworkbench.web.coaching.CoachingResource.class,
            SessionFilter.class, AdminFilter.class, RefusalPage.class, UnexpectedFailure.class, FormContentType.class);

    private static final Set<Class<?>> EMULATOR = Set.of(
            EmulatorResource.class, AgsResource.class, DynamicRegistrationResource.class, DemoSectionsFilter.class);

    @Test
    void productionHasTheToolAndNothingOfTheEmulator() {
        WorkbenchApplication app = new WorkbenchApplication();
        app.settings = profile(false);
        assertEquals(TOOL, app.getClasses());
        assertEquals(List.of(), app.getClasses().stream()
                .filter(c -> c.getPackageName().startsWith("org.organizingworkbench.emulator")).toList(),
                "no emulator endpoint, registration platform or demo-section seeding in production");
    }

    @Test
    void developmentHasTheToolAndTheEmulator() {
        WorkbenchApplication app = new WorkbenchApplication();
        app.settings = profile(true);
        Set<Class<?>> expected = new HashSet<>(TOOL);
        expected.addAll(EMULATOR);
        assertEquals(expected, app.getClasses());
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
