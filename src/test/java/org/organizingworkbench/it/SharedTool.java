package org.organizingworkbench.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.organizingworkbench.launcher.Launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Payara Micro with the built WAR for all the integration test classes of a run that do not need a server of
 * their own: a boot costs 15–30 s on the 2-core machine, a test class a few. Started on first use (after the
 * database, {@link ItDatabase}) with the same options the pom gives Arquillian, and stopped when the test JVM ends.
 * A class that runs its own server on the same port ({@link ScoresThroughRestartIT}) calls {@link #stop()} first;
 * the next class that needs the shared one starts it again.
 */
public final class SharedTool implements BeforeAllCallback {

    private static Process payara;

    @Override
    public void beforeAll(ExtensionContext context) {
        ItDatabase.start();
        start();
    }

    static synchronized void start() {
        if (payara != null && payara.isAlive()) {
            return;
        }
        try {
            Path log = Path.of("target", "shared-payara.log");
            Path rootDir = Path.of("target", "shared-payara-root");
            Launcher.deleteRecursively(rootDir);
            payara = new ProcessBuilder(command(rootDir)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedTool::stop));
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void stop() {
        if (payara == null) {
            return;
        }
        payara.destroy();
        try {
            if (!payara.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                payara.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        payara = null;
    }

    private static List<String> command(Path rootDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("payara.cmdOptions", "").trim().split("\\s+")));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("it.war"),
                "--contextroot", "/", "--nocluster", "--rootdir", rootDir.toString()));
        // the pom's extra options (the port and the post-boot commands that hide the server's name, as deploy/ does)
        command.addAll(Arrays.asList(System.getProperty("payara.extraMicroOptions", "").trim().split("\\s+")));
        return command;
    }

    private static void awaitReady(Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI root = URI.create(EmulatorLaunch.TOOL + "/");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped while starting:\n" + tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(root).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Payara Micro was not ready within 4 minutes:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
