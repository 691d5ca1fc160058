package org.organizingworkbench.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Autosaves against a running instance in the development profile (issue 4): W learners launch through the
 * emulator, then for D seconds each one writes like a person typing in the workbook. Every ~interval (±25 %) after
 * its previous save answered, as the browser's 2 s debounce does, a writer PUTs the whole, growing text of one of
 * three longText fields of {@code story-of-self} (a few KB of HTML paragraphs, one sentence longer each time) with
 * the revision it got back as base, and spends a few saves on a field before moving to the next. With
 * {@code -Dbench.interval=0} the writers save back to back: the highest throughput W concurrent writers get.
 *
 * <p>Prints autosaves per second, latency percentiles (request sent to answer read), 200s, 409s (must be 0: every
 * field has a single writer), other answers and failures, the server's resident memory and CPU time. Before the
 * measured window every writer saves each of its fields once (first saves insert the answer row; not counted).
 *
 * <p>Usage: {@code mvn -q -Pbench -Dbench.main=org.organizingworkbench.bench.AutosaveBenchmark} with
 * -Dbench.url, -Dbench.writers (200), -Dbench.seconds (60), -Dbench.interval (2, seconds; 0 = burst),
 * -Dbench.courses (4), -Dbench.concurrency (requests in flight at most; the number of writers),
 * -Dbench.maxText (12000 characters per field), -Dbench.pid (else the Payara Micro process serving the URL's port),
 * -Dbench.dbPid (else the MariaDB on the port of that process's DB_URL).
 */
public final class AutosaveBenchmark {

    static final String EXERCISE = "story-of-self";
    static final List<String> FIELDS = List.of("story", "challenge", "choice");
    private static final Pattern BEARER = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)");
    private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:8080");
        String emulatorOrigin = System.getProperty("bench.emulator", base.replace("127.0.0.1", "localhost"));
        int writers = Integer.getInteger("bench.writers", 200);
        int seconds = Integer.getInteger("bench.seconds", 60);
        double interval = Double.parseDouble(System.getProperty("bench.interval", "2"));
        int courses = Integer.getInteger("bench.courses", 4);
        int concurrency = Integer.getInteger("bench.concurrency", writers);
        int maxText = Integer.getInteger("bench.maxText", 12_000);
        boolean burst = interval <= 0;
        long runId = System.currentTimeMillis() % 100_000;
        int port = URI.create(base).getPort() < 0 ? 80 : URI.create(base).getPort();
        Optional<Long> pid = Optional.ofNullable(System.getProperty("bench.pid")).map(Long::valueOf)
                .or(() -> findServer(port));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        // 1. Launch the writers: distinct learners spread over a few synthetic courses.
        long t0 = System.nanoTime();
        List<Writer> all = new ArrayList<>();
        ExecutorService launcher = Executors.newFixedThreadPool(8);
        List<Future<Writer>> launched = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String hint = "bench-a" + runId + "x" + (i % courses) + "-u" + i;
            launched.add(launcher.submit(() -> {
                String home = LaunchBenchmark.launch(http, base, emulatorOrigin, hint);
                Matcher token = BEARER.matcher(unescape(home));
                if (!token.find()) {
                    throw new IllegalStateException("the home page of " + hint + " carries no session token");
                }
                return new Writer(hint, token.group(1), maxText);
            }));
        }
        for (Future<Writer> f : launched) {
            all.add(f.get());
        }
        launcher.shutdown();
        System.out.printf("launched %d learners in %d courses in %.1f s%n", writers, courses, (System.nanoTime() - t0) / 1e9);

        Semaphore inFlight = new Semaphore(concurrency);
        Saver saver = new Saver(http, base, inFlight);

        // 2. Warm-up, not counted: every writer saves each field once (the first save inserts the answer).
        t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> warm = new ArrayList<>();
        for (Writer w : all) {
            warm.add(pool.submit(() -> {
                for (int f = 0; f < FIELDS.size(); f++) {
                    saver.save(w, f, null);
                }
                return null;
            }));
        }
        for (Future<?> f : warm) {
            f.get();
        }
        long warmFailures = all.stream().mapToLong(w -> w.failures).sum() + all.stream().mapToLong(w -> w.conflicts).sum();
        System.out.printf("warm-up: %d first saves in %.1f s, %d not 200%n", writers * FIELDS.size(),
                (System.nanoTime() - t0) / 1e9, warmFailures);
        all.forEach(Writer::resetCounts);

        // 3. The measured window.
        LaunchBenchmark.MemorySampler memory = new LaunchBenchmark.MemorySampler(pid);
        Optional<Long> dbPid = Optional.ofNullable(System.getProperty("bench.dbPid")).map(Long::valueOf)
                .or(() -> pid.flatMap(AutosaveBenchmark::findDatabase));
        long cpuBefore = cpuMillis(pid);
        long dbCpuBefore = cpuMillis(dbPid);
        String loadBefore = loadAverage();
        memory.start();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        Timeline timeline = new Timeline(start, seconds);
        CountDownLatch done = new CountDownLatch(writers);
        for (Writer w : all) {
            pool.submit(() -> {
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long next = burst ? start : start + (long) (random.nextDouble() * interval * 1e9);
                    int field = random.nextInt(FIELDS.size());
                    int stint = 2 + random.nextInt(4);
                    while (next - deadline < 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        if (System.nanoTime() - deadline >= 0) {
                            break;
                        }
                        saver.save(w, field, timeline);
                        if (--stint == 0) {
                            field = (field + 1) % FIELDS.size();
                            stint = 2 + random.nextInt(4);
                        }
                        next = burst ? System.nanoTime() : System.nanoTime() + (long) (interval * (0.75 + 0.5 * random.nextDouble()) * 1e9);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        memory.stop();
        long cpuUsed = cpuMillis(pid) - cpuBefore;
        long dbCpuUsed = cpuMillis(dbPid) - dbCpuBefore;
        pool.shutdown();

        long ok = all.stream().mapToLong(w -> w.latencies.size()).sum();
        long conflicts = all.stream().mapToLong(w -> w.conflicts).sum();
        long failures = all.stream().mapToLong(w -> w.failures).sum();
        long bytes = all.stream().mapToLong(w -> w.bytesSent).sum();
        long[] sorted = all.stream().flatMapToLong(w -> w.latencies.stream().mapToLong(Long::longValue)).sorted().toArray();
        long inWindow = timeline.total();
        System.out.printf("mode: %s, %d writers, %d courses, %d s window (writers stopped after %.1f s),"
                        + " at most %d requests in flight%n",
                burst ? "burst (back to back)" : String.format("paced, every %.1f s ±25 %% after the previous answer", interval),
                writers, courses, seconds, elapsed, concurrency);
        System.out.printf("saves: %d answered 200, %d answered 409 (must be 0), %d other answers or failures%n",
                ok, conflicts, failures);
        all.stream().map(w -> w.firstFailure).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(f -> System.out.println("first failure: " + f));
        System.out.printf("throughput: %.1f autosaves/s (200s answered inside the window); per second min %d, max %d;"
                        + " mean request body %.1f KB%n",
                inWindow / (double) seconds, timeline.min(), timeline.max(), ok == 0 ? 0 : bytes / 1024.0 / (ok + conflicts + failures));
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.println(memory.report());
        if (pid.isPresent()) {
            System.out.printf("server CPU: %.1f s in the window (%.0f %% of one core), %.2f ms per autosave%n",
                    cpuUsed / 1000.0, cpuUsed / 10.0 / elapsed, ok == 0 ? 0 : cpuUsed / (double) ok);
        }
        if (dbPid.isPresent()) {
            System.out.printf("database CPU (pid %d): %.1f s in the window (%.0f %% of one core), %.2f ms per autosave;"
                            + " database RSS now %d MB%n", dbPid.get(), dbCpuUsed / 1000.0, dbCpuUsed / 10.0 / elapsed,
                    ok == 0 ? 0 : dbCpuUsed / (double) ok, new LaunchBenchmark.MemorySampler(dbPid).rssKb() / 1024);
        }
        System.out.println("load average before: " + loadBefore + ", after: " + loadAverage()
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.exit(conflicts == 0 && failures == 0 ? 0 : 1);
    }

    /** One learner with their session and the text of each field as their browser would hold it. */
    static final class Writer {
        final String hint;
        final String token;
        final int maxText;
        final int[] revisions = new int[FIELDS.size()];
        final List<StringBuilder> texts = new ArrayList<>();
        final List<Long> latencies = new ArrayList<>();
        int sentence;
        long conflicts;
        long failures;
        long bytesSent;
        String firstFailure;

        Writer(String hint, String token, int maxText) {
            this.hint = hint;
            this.token = token;
            this.maxText = maxText;
            for (int f = 0; f < FIELDS.size(); f++) {
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < 6; p++) {
                    text.append("<p>");
                    for (int s = 0; s < 5; s++) {
                        text.append(nextSentence()).append(' ');
                    }
                    text.setLength(text.length() - 1);
                    text.append("</p>");
                }
                texts.add(text);
            }
        }

        /** The field's text after typing one more sentence; every fifth starts a paragraph; the oldest goes past maxText. */
        String type(int field) {
            StringBuilder text = texts.get(field);
            String sentence = nextSentence();
            if (this.sentence % 5 == 0) {
                text.append("<p>").append(sentence).append("</p>");
            } else {
                text.insert(text.length() - "</p>".length(), " " + sentence);
            }
            while (text.length() > maxText && text.indexOf("</p>") < text.length() - "</p>".length()) {
                text.delete(0, text.indexOf("</p>") + "</p>".length());
            }
            return text.toString();
        }

        private String nextSentence() {
            sentence++;
            return SENTENCES[(sentence * 7 + hint.length()) % SENTENCES.length] + " (" + sentence + ")";
        }

        void failure(String what) {
            if (firstFailure == null) {
                firstFailure = what;
            }
        }

        void resetCounts() {
            latencies.clear();
            conflicts = 0;
            failures = 0;
            bytesSent = 0;
            firstFailure = null;
        }
    }

    /** Sends one autosave as workbook.js does: a new saveId, the last revision seen as base, the whole value. */
    record Saver(HttpClient http, String base, Semaphore inFlight) {
        void save(Writer w, int field, Timeline timeline) throws InterruptedException {
            String body = "{\"base\":" + w.revisions[field] + ",\"saveId\":\"" + UUID.randomUUID() + "\",\"value\":"
                    + jsonString(w.type(field)) + "}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/app/workbook/exercises/" + EXERCISE
                            + "/fields/" + FIELDS.get(field))).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + w.token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
            w.bytesSent += body.length();
            inFlight.acquire();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                long latency = System.nanoTime() - t0;
                Matcher revision = REVISION.matcher(answer.body());
                if (answer.statusCode() == 200 && revision.find()) {
                    w.revisions[field] = Integer.parseInt(revision.group(1));
                    w.latencies.add(latency);
                    if (timeline != null) {
                        timeline.answered(System.nanoTime());
                    }
                } else if (answer.statusCode() == 409 && revision.find()) {
                    w.conflicts++;
                    w.revisions[field] = Integer.parseInt(revision.group(1)); // "keep mine" in the conflict box
                    w.failure("409 for " + w.hint + " " + FIELDS.get(field) + ": " + answer.body());
                } else {
                    w.failures++;
                    w.failure("HTTP " + answer.statusCode() + " for " + w.hint + ": "
                            + answer.body().substring(0, Math.min(300, answer.body().length())));
                }
            } catch (IOException e) {
                w.failures++;
                w.failure(e.toString());
            } finally {
                inFlight.release();
            }
        }
    }

    /** 200s answered per second of the window. */
    static final class Timeline {
        private final long start;
        private final AtomicIntegerArray perSecond;

        Timeline(long start, int seconds) {
            this.start = start;
            this.perSecond = new AtomicIntegerArray(seconds);
        }

        void answered(long at) {
            int second = (int) ((at - start) / 1_000_000_000L);
            if (second >= 0 && second < perSecond.length()) {
                perSecond.incrementAndGet(second);
            }
        }

        long total() {
            long total = 0;
            for (int i = 0; i < perSecond.length(); i++) {
                total += perSecond.get(i);
            }
            return total;
        }

        int min() {
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < perSecond.length(); i++) {
                min = Math.min(min, perSecond.get(i));
            }
            return perSecond.length() == 0 ? 0 : min;
        }

        int max() {
            int max = 0;
            for (int i = 0; i < perSecond.length(); i++) {
                max = Math.max(max, perSecond.get(i));
            }
            return max;
        }
    }

    private static final String[] SENTENCES = {
        "The night before the vote, I sat in my grandmother's kitchen and listened to her talk about the mill.",
        "She had organised the first union meeting there, with twelve women and a pot of coffee.",
        "I did not understand then why she kept every flyer in a shoebox under the stairs.",
        "When the landlord raised the rent for the third time, our building finally had to choose.",
        "Choosing to knock on the first door was the hardest thing I had done that year.",
        "Mrs. Okafor opened it, listened for a minute, and asked me what I wanted her to do.",
        "I realised I had no answer, only a feeling that something was unfair and had to change.",
        "We met in the laundry room on Thursdays, and by the fourth week there were thirty of us.",
        "The outcome was not a victory at first: the increase was halved, not withdrawn.",
        "But the tenants' association still meets, and now I am the one who keeps the shoebox.",
        "What I learned is that a story of self is a story of choices, not of circumstances.",
        "Hope did not come from the plan; it came from seeing my neighbours stand next to me — juntos.",
    };

    static String jsonString(String s) {
        StringBuilder json = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** The Payara Micro process serving this port (other instances may run on this machine, e.g. ITs). */
    private static Optional<Long> findServer(int port) {
        List<ProcessHandle> payaras = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") || c.contains("organizing-workbench-micro.jar"))
                        .orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains("--deploy")).orElse(false))
                .toList();
        return payaras.stream()
                .filter(p -> p.info().commandLine().map(c -> c.contains("--port " + port + " ")
                        || c.endsWith("--port " + port)).orElse(false))
                .map(ProcessHandle::pid).findFirst()
                .or(() -> port == 8080 ? payaras.stream()
                        .filter(p -> p.info().commandLine().map(c -> !c.contains("--port ")).orElse(false))
                        .map(ProcessHandle::pid).findFirst() : Optional.empty());
    }

    /** The MariaDB server the tool uses, found by the port in the server's DB_URL (readable for the same user). */
    private static Optional<Long> findDatabase(long serverPid) {
        try {
            Matcher url = Pattern.compile("DB_URL=jdbc:mariadb://[^:/]+:(\\d+)/")
                    .matcher(Files.readString(Path.of("/proc", String.valueOf(serverPid), "environ")));
            if (!url.find()) {
                return Optional.empty();
            }
            String port = "--port=" + url.group(1);
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> (c.contains("mariadbd") || c.contains("mysqld"))
                            && (c.contains(port + " ") || c.endsWith(port))).orElse(false))
                    .map(ProcessHandle::pid).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long cpuMillis(Optional<Long> pid) {
        return pid.flatMap(ProcessHandle::of).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(0L);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }
}
