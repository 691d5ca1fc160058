package org.organizingworkbench.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one command that runs the tool on a fresh machine ({@code mvn -Prun}): starts an embedded MariaDB when no
 * {@code DB_URL} is set, keeps generated secrets in the data folder, then runs Payara Micro with the WAR at "/".
 * Environment: {@code PORT} (8080), {@code WORKBENCH_DATA_DIR} (./data), {@code WORKBENCH_PROFILE} (development),
 * and everything the application itself reads (see README).
 */
public final class Launcher {

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("WORKBENCH_DATA_DIR", "data")).toAbsolutePath();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        Files.createDirectories(dataDir);

        ProcessBuilder payara = new ProcessBuilder(payaraCommand(dataDir, port)).inheritIO();
        Map<String, String> childEnv = payara.environment();
        childEnv.putIfAbsent("WORKBENCH_PROFILE", "development");
        childEnv.putIfAbsent("WORKBENCH_BASE_URL", "http://127.0.0.1:" + port);
        childEnv.putIfAbsent("WORKBENCH_EMULATOR_ORIGIN", "http://localhost:" + port);
        childEnv.putIfAbsent("WORKBENCH_KEY_ENCRYPTION_SECRET", secretFile(dataDir.resolve("key-encryption-secret")));
        childEnv.putIfAbsent("WORKBENCH_ADMIN_SECRET", secretFile(dataDir.resolve("admin-secret")));

        EmbeddedDatabase database = null;
        if (!env.containsKey("DB_URL")) {
            int dbPort = Integer.parseInt(env.getOrDefault("WORKBENCH_EMBEDDED_DB_PORT", String.valueOf(freePort())));
            System.out.println("[launcher] No DB_URL set: starting the embedded MariaDB in " + dataDir.resolve("mariadb"));
            String dbPassword = secretFile(dataDir.resolve("database-password"));
            database = EmbeddedDatabase.start(dataDir.resolve("mariadb"), dbPort, dbPassword);
            childEnv.put("DB_URL", database.jdbcUrl());
            childEnv.put("DB_USER", EmbeddedDatabase.USER);
            childEnv.put("DB_PASSWORD", dbPassword);
        }

        Process process = payara.start();
        EmbeddedDatabase db = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (db != null) {
                db.close();
            }
        }));
        System.out.println("[launcher] Starting Organizing Workbench on port " + port
                + ". When it is ready, open http://localhost:" + port + "/emulator to launch as a demo user."
                + " The admin page is http://localhost:" + port + "/admin (secret in " + dataDir.resolve("admin-secret") + ").");
        System.exit(process.waitFor());
    }

    private static List<String> payaraCommand(Path dataDir, int port) throws IOException {
        Path rootDir = dataDir.resolve("payara");
        deleteRecursively(rootDir); // a reused rootdir deploys the app twice
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(System.getProperty("workbench.payaraMicroJar", "target/payara-micro.jar"));
        command.addAll(List.of("--deploy", System.getProperty("workbench.war", "target/organizing-workbench.war"),
                "--contextroot", "/", "--nocluster", "--port", String.valueOf(port),
                "--rootdir", rootDir.toString()));
        String postBoot = System.getProperty("workbench.postBootCommands", "src/main/payara/post-boot-commands.txt");
        if (Files.exists(Path.of(postBoot))) {
            command.addAll(List.of("--postbootcommandfile", postBoot)); // answers name no server
        }
        return command;
    }

    /** A random secret kept in a file readable only by its owner, made on first start. */
    private static String secretFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, secret);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return secret;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a folder and everything in it; nothing happens if it does not exist. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
