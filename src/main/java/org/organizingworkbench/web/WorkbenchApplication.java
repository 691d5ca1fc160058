package org.organizingworkbench.web;

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
                SessionFilter.class, AdminFilter.class, RefusalPage.class, UnexpectedFailure.class, FormContentType.class));
        if (settings != null && settings.isDevelopment()) {
            classes.add(EmulatorResource.class);
            classes.add(AgsResource.class);
            classes.add(DynamicRegistrationResource.class);
            classes.add(DemoSectionsFilter.class);
        }
        return classes;
    }
}
