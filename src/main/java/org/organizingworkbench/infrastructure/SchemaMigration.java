package org.organizingworkbench.infrastructure;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/** Brings the schema up to date with the versioned migrations in {@code db/migration} (Flyway). */
final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private SchemaMigration() {
    }

    static void migrate(DataSource dataSource, Duration waitForDatabase) {
        awaitDatabase(dataSource, waitForDatabase);
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** A database container may still be starting; wait for it rather than fail the deployment at once. */
    private static void awaitDatabase(DataSource dataSource, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Connection ignored = dataSource.getConnection()) {
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The database did not answer within " + timeout.toSeconds()
                            + " s. Check DB_URL, DB_USER and DB_PASSWORD. Last error: " + e.getMessage(), e);
                }
                LOG.warning(() -> "Waiting for the database: " + e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the database", interrupted);
                }
            }
        }
    }
}
