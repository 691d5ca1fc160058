package org.organizingworkbench.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Start-up in a fixed order: schema, then {@link ToolStarted}, whose first observer makes the tool's keys (in
 * {@code platform}) before everyone else.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:app/jdbc/workbench")
    DataSource dataSource;

    @Inject
    Settings settings;

    @Inject
    Event<ToolStarted> started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        SchemaMigration.migrate(dataSource, Duration.ofSeconds(60));
        started.fire(new ToolStarted());
        LOG.info(() -> "Organizing Workbench ready at " + settings.baseUrl()
                + (settings.isDevelopment() ? " (development profile: emulator at " + settings.emulatorOrigin() + "/emulator)" : ""));
    }
}
