package org.organizingworkbench.web;

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
import org.organizingworkbench.web.sections.SectionsResource;
import org.organizingworkbench.web.workbook.ExportResource;
import org.organizingworkbench.web.workbook.WorkbookResource;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.organizingworkbench.emulator.AgsResource;
import org.organizingworkbench.emulator.DemoSectionsFilter;
import org.organizingworkbench.emulator.DynamicRegistrationResource;
import org.organizingworkbench.emulator.EmulatorResource;
import org.organizingworkbench.infrastructure.Settings;

import java.util.HashSet;
import java.util.Set;

/**
 * The HTTP surface. The emulator's endpoints are registered only in the development profile: in production they
 * do not exist, whatever a request says.
 */
@ApplicationPath("/")
public class WorkbenchApplication extends Application {

    @Inject
    Settings settings;

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(Set.of(
                LoginResource.class, LaunchResource.class, RegistrationResource.class, JwksResource.class, HomeResource.class,
                GradesResource.class, CurriculumEditorResource.class,
                AdminResource.class, CanvasConfigResource.class, StaticResource.class, RootResource.class,
                DeepLinkResource.class, WorkbookResource.class, SectionsResource.class, ExportResource.class,
                SessionFilter.class, AdminFilter.class, RefusalPage.class, SecurityHeadersFilter.class));
        if (settings != null && settings.isDevelopment()) {
            classes.add(EmulatorResource.class);
            classes.add(AgsResource.class);
            classes.add(DynamicRegistrationResource.class);
            classes.add(DemoSectionsFilter.class);
        }
        return classes;
    }
}
