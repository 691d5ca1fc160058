package org.organizingworkbench.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs N full LTI launches at concurrency C against a running instance in the development profile, with the
 * emulator as platform: login initiation, the emulator's authorization endpoint, then the launch post, each
 * launch a distinct user spread over many courses. Prints launches per second, latency percentiles and the
 * server's memory. Usage: {@code mvn -q -Pbench} with -Dbench.url, -Dbench.launches, -Dbench.concurrency,
 * -Dbench.courses, -Dbench.pid (else the Payara Micro process on this machine is looked up).
 */
public final class LaunchBenchmark {

    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:8080");
        String emulatorOrigin = System.getProperty("bench.emulator", base.replace("127.0.0.1", "localhost"));
        int launches = Integer.getInteger("bench.launches", 2000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int courses = Integer.getInteger("bench.courses", 50);
        long runId = System.currentTimeMillis() % 100_000;
        Optional<Long> pid = Optional.ofNullable(System.getProperty("bench.pid")).map(Long::valueOf).or(LaunchBenchmark::findServer);

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(concurrency)).build();
        // Warm-up: JIT, pools and the platform key cache, not counted.
        for (int i = 0; i < Math.min(50, launches); i++) {
            launch(http, base, emulatorOrigin, "bench-w" + runId + "-" + i);
        }

        MemorySampler memory = new MemorySampler(pid);
        memory.start();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong(-1);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            String user = "bench-c" + runId + "x" + (i % courses) + "-u" + i;
            futures.add(workers.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    launch(http, base, emulatorOrigin, user);
                    latencies.add(System.nanoTime() - t0);
                } catch (Exception e) {
                    if (failures.incrementAndGet() == 1) {
                        System.err.println("first failure: " + e.getMessage());
                    }
                    firstFailure.compareAndSet(-1, System.nanoTime());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        memory.stop();

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("launches: %d ok, %d failed, concurrency %d, %d courses, %.1f s%n",
                sorted.length, failures.get(), concurrency, courses, seconds);
        System.out.printf("throughput: %.1f launches/s (each launch = login + authorization + launch post)%n",
                sorted.length / seconds);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.println(memory.report());
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    /** One full launch through the emulator; returns the home page. */
    static String launch(HttpClient http, String base, String emulatorOrigin, String user)
            throws IOException, InterruptedException {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("iss", emulatorOrigin + "/emulator");
        login.put("login_hint", user);
        login.put("target_link_uri", base + "/");
        login.put("client_id", "workbench-emulator");
        login.put("lti_deployment_id", "emulator-deployment-1");
        login.put("lti_message_hint", "resource-link");
        HttpResponse<String> started = http.send(post(base + "/lti/login", login, null), HttpResponse.BodyHandlers.ofString());
        expect(started, 303);
        String cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(started.headers().firstValue("Location").orElseThrow()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(auth, 200);
        Map<String, String> answer = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(auth.body());
        while (m.find()) {
            answer.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        HttpResponse<String> home = http.send(post(base + "/lti/launch", answer, cookie), HttpResponse.BodyHandlers.ofString());
        expect(home, 200);
        if (!home.body().contains("id=\"greeting\"")) {
            throw new IOException("launch did not land on the home page");
        }
        return home.body();
    }

    private static HttpRequest post(String url, Map<String, String> form, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.uri() + " answered " + response.statusCode());
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static Optional<Long> findServer() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("--deploy") || c.contains("organizing-workbench-micro.jar")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    /** Samples the server's resident memory from /proc while the run lasts. */
    static final class MemorySampler {
        private final Optional<Long> pid;
        private volatile boolean running = true;
        private volatile long peakRssKb;
        private Thread thread;

        MemorySampler(Optional<Long> pid) {
            this.pid = pid;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    peakRssKb = Math.max(peakRssKb, status("VmRSS"));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        String report() {
            if (pid.isEmpty()) {
                return "server memory: no server process found (pass -Dbench.pid)";
            }
            return String.format("server memory (pid %d): peak RSS during run %d MB, RSS now %d MB, high-water mark since start %d MB",
                    pid.get(), peakRssKb / 1024, status("VmRSS") / 1024, status("VmHWM") / 1024);
        }

        long rssKb() {
            return status("VmRSS");
        }

        private long status(String field) {
            if (pid.isEmpty()) {
                return 0;
            }
            try {
                return Files.readAllLines(Path.of("/proc", pid.get().toString(), "status")).stream()
                        .filter(l -> l.startsWith(field + ":"))
                        .map(l -> Arrays.stream(l.split("\\s+")).filter(s -> s.matches("\\d+")).findFirst().orElse("0"))
                        .mapToLong(Long::parseLong).findFirst().orElse(0);
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
