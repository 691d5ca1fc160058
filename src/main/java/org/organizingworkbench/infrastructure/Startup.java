package org.organizingworkbench.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Start-up in a fixed order: the production profile's checks, schema, then {@link ToolStarted}, whose first observer makes the tool's keys (in
 * {@code platform}) before everyone else.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());
    /** EX_CONFIG of sysexits.h: a configuration error. */
    static final int EXIT_UNSAFE_SETTINGS = 78;

    @Resource(lookup = "java:app/jdbc/workbench")
    DataSource dataSource;

    @Inject
    Settings settings;

    @Inject
    Event<ToolStarted> started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        refuseUnsafeProduction();
        SchemaMigration.migrate(dataSource, Duration.ofSeconds(60));
        started.fire(new ToolStarted());
        LOG.info(() -> "Organizing Workbench ready at " + settings.baseUrl()
                + (settings.isDevelopment() ? " (development profile: emulator at " + settings.emulatorOrigin() + "/emulator)" : ""));
    }

    /**
     * In production, settings that would expose the tool stop it before the schema is migrated: every problem is
     * logged on one line, the deployment fails and the process exits, so systemd or the container runtime reports
     * a failed start instead of a server that answers 404.
     */
    private void refuseUnsafeProduction() {
        List<String> problems = settings.productionProblems();
        if (problems.isEmpty()) {
            return;
        }
        problems.forEach(problem -> LOG.severe("Refusing to start in production: " + problem));
        Thread exit = new Thread(() -> System.exit(EXIT_UNSAFE_SETTINGS), "workbench-refuses-to-start");
        exit.setDaemon(true);
        exit.start();
        throw new UnsafeSettingsException(problems.size() + " setting(s) are not safe for production; see the log lines above");
    }

    /** The deployment stops here; its message is all the log needs (no stack trace carries more). */
    static final class UnsafeSettingsException extends IllegalStateException {
        UnsafeSettingsException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
