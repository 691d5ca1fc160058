package org.organizingworkbench.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fault drill of {@code deploy/faults.sh}: simulated students launch and autosave, and an instructor grades,
 * through the balancer in front of two instances, while one fault happens (a scenario): a node killed and started
 * again, the database restarted, or the LMS down. The drill is its own LMS ({@link DrillLms}). A request that got
 * no answer or an error is retried by the simulated page, as {@code workbook.js} does (the same saveId and base).
 * Afterwards it checks the database and the LMS: every acknowledged save is stored exactly once, every acknowledged
 * grade reached the LMS exactly once. Prints one line per scenario: sent, acknowledged, lost, duplicated, errors
 * seen, and recovery (from the fault until requests succeeded again). Exits 1 if anything was lost or duplicated.
 *
 * <p>Properties: drill.url (the balancer), drill.node1 / drill.node2 (the instances, for the cross-node launch),
 * drill.lmsPort, drill.db.url / user / password, drill.students (20), drill.seconds (40 per scenario),
 * drill.faultAt (10 s), drill.scenarios (cross-node,node-kill,db-restart,lms-outage), drill.control (the
 * loopback script that kills and starts nodes and the database).
 */
public final class ClusterDrill {

    private static final Pattern BEARER = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)");
    private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");
    private static final String[] FIELDS = {"story", "challenge", "choice"};

    private final String base = System.getProperty("drill.url", "http://127.0.0.1:8090");
    private final String control = System.getProperty("drill.control", "deploy/cluster/loopback.sh");
    private final int students = Integer.getInteger("drill.students", 20);
    private final int seconds = Integer.getInteger("drill.seconds", 40);
    private final int faultAt = Integer.getInteger("drill.faultAt", 10);
    private final String run = "d" + System.currentTimeMillis() % 1_000_000;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3)).build();
    private final DrillLms lms;
    /** Where autosaves go: the balancer, except while {@link #load} measures one instance. */
    private volatile String saveBase = base;
    /** Each measurement has learners of its own, so a second pass in one run starts from empty answers. */
    private final AtomicInteger passes = new AtomicInteger();

    private ClusterDrill(DrillLms lms) {
        this.lms = lms;
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = List.of(System.getProperty("drill.scenarios",
                "cross-node,node-kill,db-restart,lms-outage").split(","));
        boolean clean = true;
        try (DrillLms lms = new DrillLms(Integer.getInteger("drill.lmsPort", 8098))) {
            ClusterDrill drill = new ClusterDrill(lms);
            for (String scenario : scenarios) {
                clean &= switch (scenario) {
                    case "cross-node" -> drill.crossNode();
                    case "load" -> drill.load();
                    default -> drill.scenario(scenario);
                };
            }
        }
        System.exit(clean ? 0 : 1);
    }

    // ---- the cross-node launch -------------------------------------------------------------------------------

    /** Login answered by node 1, launch posted to node 2, the same id_token replayed at node 1. */
    private boolean crossNode() throws Exception {
        String node1 = System.getProperty("drill.node1", "http://127.0.0.1:8091");
        String node2 = System.getProperty("drill.node2", "http://127.0.0.1:8092");
        Launch started = login(node1, run + "-cross", run + "-cross-course");
        HttpResponse<String> launched = post(node2 + "/lti/launch", started.form(), started.cookie());
        HttpResponse<String> replayed = post(node1 + "/lti/launch", started.form(), started.cookie());
        boolean ok = launched.statusCode() == 200 && BEARER.matcher(unescape(launched.body())).find()
                && replayed.statusCode() >= 400 && replayed.statusCode() < 500;
        System.out.printf("cross-node: login on node 1, launch on node 2 -> %d%s; the same id_token again on node 1"
                + " -> %d (%s)%n", launched.statusCode(), launched.statusCode() == 200 ? " (home page)" : "",
                replayed.statusCode(), ok ? "refused, as it must be" : "WRONG");
        return ok & platformChangeReaches(node1, node2);
    }

    /**
     * An admin registers a platform on node 1; node 2, which holds the sites that may frame the tool in memory,
     * must frame-allow the new site at once (through the data grid), not after its one-minute refresh.
     */
    private boolean platformChangeReaches(String node1, String node2) throws Exception {
        String secret = System.getProperty("drill.adminSecret");
        if (secret == null) {
            return true;
        }
        String site = "https://" + run + ".sites.example";
        boolean before = frameAncestors(node2).contains(site); // node 2 now holds its copy of the sites
        Matcher token = BEARER.matcher(unescape(post(node1 + "/admin/session", Map.of("secret", secret), null).body()));
        if (!token.find()) {
            System.out.println("cross-node: admin sign-in on node 1 failed");
            return false;
        }
        String issuer = "https://" + run + ".lms.example";
        Map<String, String> platform = new LinkedHashMap<>();
        platform.put("name", "Drill platform " + run);
        platform.put("issuer", issuer);
        platform.put("clientId", "drill-" + run);
        platform.put("authUrl", issuer + "/auth");
        platform.put("tokenUrl", issuer + "/token");
        platform.put("jwksUrl", issuer + "/jwks");
        platform.put("deploymentIds", "1");
        platform.put("siteOrigins", site);
        HttpRequest register = HttpRequest.newBuilder(URI.create(node1 + "/admin/platforms")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token.group(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(platform.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
        long t0 = System.nanoTime();
        int status = http.send(register, HttpResponse.BodyHandlers.ofString()).statusCode();
        long registered = System.nanoTime();
        boolean after = false;
        while (!after && System.nanoTime() - registered < 10_000_000_000L) {
            after = frameAncestors(node2).contains(site);
            if (!after) {
                pause(50);
            }
        }
        double ms = (System.nanoTime() - registered) / 1e6;
        System.out.printf("cross-node: platform registered on node 1 (%d, %.0f ms); node 2 lets its site frame the tool"
                + " before: %s, %s%n", status, (registered - t0) / 1e6, before, after
                ? String.format("after %.0f ms (its own refresh would take up to 60 s)", ms) : "NOT within 10 s");
        return status == 200 && !before && after;
    }

    private String frameAncestors(String node) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node + "/")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Security-Policy").orElse("");
    }

    // ---- throughput: one instance, then two behind the balancer ----------------------------------------------

    /**
     * Full launches (login, the LMS's answer, launch, home page) at concurrency {@code drill.concurrency} for
     * {@code drill.loadSeconds}, then back-to-back autosaves of {@code drill.writers} learners, first against node 1
     * alone, then through the balancer to both nodes. Prints throughput, latency percentiles and the CPU the
     * instances and the database spent per operation (from /proc).
     */
    private boolean load() throws Exception {
        String node1 = System.getProperty("drill.node1", "http://127.0.0.1:8091");
        int concurrency = Integer.getInteger("drill.concurrency", 32);
        int writers = Integer.getInteger("drill.writers", 64);
        int window = Integer.getInteger("drill.loadSeconds", 20);
        long[] nodes = {pid("node1"), pid("node2")};
        long db = pid("db");
        for (String target : List.of(node1, base)) {
            String label = target.equals(base) ? "two instances (balancer)" : "one instance (node 1)";
            String course = run + "-load" + passes.incrementAndGet() + "-" + (target.equals(base) ? 2 : 1);
            measure(label + ", launches, concurrency " + concurrency, concurrency, window, nodes, db, n -> {
                Launch started = login(target, course + "-u" + n, course);
                HttpResponse<String> home = post(target + "/lti/launch", started.form(), started.cookie());
                if (home.statusCode() != 200) {
                    throw new IOException("launch answered " + home.statusCode());
                }
            });
            saveBase = target;
            List<Student> class_ = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Student s = new Student(course + "-w" + i);
                s.token = launchedToken(s.user, course, false);
                class_.add(s);
            }
            measure(label + ", autosaves back to back, " + writers + " writers", writers, window, nodes, db, n -> {
                Student s = class_.get(n % writers);
                synchronized (s) {
                    s.saveOnce(new Counters());
                }
            });
        }
        saveBase = base;
        return true;
    }

    interface Operation {
        void run(int n) throws Exception;
    }

    private void measure(String label, int concurrency, int window, long[] nodes, long db, Operation operation)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        long toolCpu = cpuMillis(nodes[0]) + cpuMillis(nodes[1]);
        long dbCpu = cpuMillis(db);
        long start = System.nanoTime();
        long end = start + window * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        operation.run(next.getAndIncrement());
                        latencies.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long tool = cpuMillis(nodes[0]) + cpuMillis(nodes[1]) - toolCpu;
        long dbUsed = cpuMillis(db) - dbCpu;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int ok = sorted.length;
        System.out.printf("load: %-62s %7.1f/s  p50 %6.1f  p90 %6.1f  p99 %6.1f ms  errors %d  tool CPU %.2f ms/op"
                        + "  DB CPU %.2f ms/op  RSS node1 %d MB, node2 %d MB%n", label, ok / elapsed, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), failed.get(), ok == 0 ? 0 : tool / (double) ok,
                ok == 0 ? 0 : dbUsed / (double) ok, rssMb(nodes[0]), rssMb(nodes[1]));
    }

    private long pid(String name) {
        try {
            Process p = new ProcessBuilder(control, "pid", name).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.isEmpty() ? -1 : Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** User plus system CPU time of a process, in milliseconds (clock ticks of 10 ms). */
    private static long cpuMillis(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long rssMb(long pid) {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0) / 1024;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    // ---- a scenario under load -------------------------------------------------------------------------------

    private boolean scenario(String name) throws Exception {
        String course = run + "-" + name;
        Counters launches = new Counters();
        List<Student> class_ = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            class_.add(new Student(run + "-" + name + "-s" + i));
        }
        Student instructor = new Student(run + "-" + name + "-teacher");
        instructor.token = retrying(launches, () -> launchedToken(instructor.user, course, true), System.nanoTime() + 120_000_000_000L);
        for (Student s : class_) {
            s.token = retrying(launches, () -> launchedToken(s.user, course, false), System.nanoTime() + 120_000_000_000L);
        }
        Map<String, Long> personIds = personIds(course);

        Counters saves = new Counters();
        Counters grades = new Counters();
        List<String> gradedLearners = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long faultTime = start + faultAt * 1_000_000_000L;
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(students + 2);
        List<Future<?>> work = new ArrayList<>();
        for (Student s : class_) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    s.saveOnce(saves);
                    pause(400 + ThreadLocalRandom.current().nextInt(400));
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> { // new learners keep launching through the fault
            int n = 0;
            while (System.nanoTime() < end) {
                String user = run + "-" + name + "-late" + n++;
                retrying(launches, () -> launchedToken(user, course, false), end);
                pause(250);
            }
            return null;
        }));
        work.add(pool.submit(() -> { // the instructor grades each learner once, one every 0.5 s
            int n = 0;
            while (System.nanoTime() < end && n < class_.size()) {
                Student learner = class_.get(n);
                int score = 50 + n++;
                String ok = retrying(grades, () -> grade(instructor.token, personIds.get(learner.user), score), end);
                if (ok != null) {
                    gradedLearners.add(learner.user + " " + score);
                }
                pause(500);
            }
            return null;
        }));

        sleepUntil(faultTime);
        long faultStarted = System.nanoTime();
        String faultDone = fault(name);
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        if (name.equals("lms-outage")) {
            lms.outage(false);
        }
        if (name.equals("node-kill")) {
            exec(control, "node-start", "1"); // in case it is still starting: the report waits for both nodes
        }

        long lost = lostSaves(class_);
        long duplicated = duplicatedRevisions(course);
        Delivery delivery = awaitDelivery(gradedLearners, Duration.ofSeconds(150));
        double recovery = Math.max(Math.max(saves.recoverySeconds(faultStarted), launches.recoverySeconds(faultStarted)),
                grades.recoverySeconds(faultStarted));
        System.out.printf("%-11s %s | saves: sent %d, acknowledged %d, lost %d, duplicated %d | launches: sent %d,"
                        + " acknowledged %d | grades: acknowledged %d, reached the LMS %d, lost %d, sent twice %d"
                        + " (LMS refused %d while down, recognised %d repeats) | errors seen %d, recovery %.1f s%n",
                name, faultDone, saves.sent.get(), saves.acknowledged.get(), lost, duplicated, launches.sent.get(),
                launches.acknowledged.get(), gradedLearners.size(), delivery.arrived, delivery.lost, delivery.twice,
                lms.refusedDuringOutage.getAndSet(0), lms.recognisedRepeats.getAndSet(0),
                saves.errors.get() + launches.errors.get() + grades.errors.get(), recovery);
        saves.firstErrors.stream().limit(3).forEach(e -> System.out.println("    e.g. " + e));
        return lost == 0 && duplicated == 0 && delivery.lost == 0 && delivery.twice == 0;
    }

    /** Injects the scenario's fault; returns what was done, with its timings. */
    private String fault(String name) throws Exception {
        long t0 = System.nanoTime();
        switch (name) {
            case "node-kill" -> {
                exec(control, "node-kill", "1");
                Thread restart = new Thread(() -> exec(control, "node-start", "1"));
                restart.start();
                return String.format("(node 1 killed at %d s and started again)", faultAt);
            }
            case "db-restart" -> {
                exec(control, "db-restart");
                return String.format("(database down %.1f s from %d s)", (System.nanoTime() - t0) / 1e9, faultAt);
            }
            case "lms-outage" -> {
                lms.outage(true);
                Thread back = new Thread(() -> {
                    pause(15_000);
                    lms.outage(false);
                });
                back.start();
                return String.format("(LMS down 15 s from %d s)", faultAt);
            }
            default -> {
                return "(no fault)";
            }
        }
    }

    // ---- what a student and an instructor do -------------------------------------------------------------------

    /** One simulated learner's page: a session and the text of each field as the browser holds it. */
    private final class Student {
        final String user;
        volatile String token;
        final int[] revisions = new int[FIELDS.length];
        final StringBuilder[] texts = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        /** field, revision → the marker of the text acknowledged at that revision. */
        final Map<String, String> acknowledged = new LinkedHashMap<>();
        int typed;

        Student(String user) {
            this.user = user;
        }

        /** Types a sentence into one field and saves it until the server acknowledges it (or the drill ends). */
        void saveOnce(Counters saves) {
            int field = typed % FIELDS.length;
            String marker = "[" + user + "#" + ++typed + "]";
            texts[field].append("<p>I kept going ").append(marker).append(".</p>");
            String saveId = UUID.randomUUID().toString();
            String body = "{\"base\":" + revisions[field] + ",\"saveId\":\"" + saveId + "\",\"value\":\""
                    + texts[field].toString().replace("\"", "\\\"") + "\"}";
            String answer = retrying(saves, () -> put("/app/workbook/exercises/story-of-self/fields/" + FIELDS[field],
                    token, body), System.nanoTime() + 60_000_000_000L);
            if (answer != null) {
                Matcher revision = REVISION.matcher(answer);
                if (revision.find()) {
                    revisions[field] = Integer.parseInt(revision.group(1));
                    acknowledged.put(FIELDS[field] + " " + revisions[field], marker);
                }
            }
        }
    }

    private String put(String path, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(saveBase + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("autosave answered " + answer.statusCode() + ": " + brief(answer.body()));
        }
        return answer.body();
    }

    private String grade(String token, long personId, int score) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/app/grades"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("personId=" + personId + "&score=" + score + "&comment="))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("grade answered " + answer.statusCode() + ": " + brief(answer.body()));
        }
        return "ok";
    }

    private record Launch(Map<String, String> form, String cookie) {
    }

    /** Login initiation at {@code node}, answered by the drill's LMS: the form the browser would post. */
    private Launch login(String node, String user, String course) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", lms.issuer());
        params.put("login_hint", user);
        params.put("target_link_uri", base + "/");
        params.put("client_id", DrillLms.CLIENT_ID);
        params.put("lti_deployment_id", DrillLms.DEPLOYMENT_ID);
        HttpResponse<String> started = post(node + "/lti/login", params, null);
        if (started.statusCode() != 303 && started.statusCode() != 302) {
            throw new IOException("login answered " + started.statusCode() + ": " + brief(started.body()));
        }
        String cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Map<String, String> request = query(started.headers().firstValue("Location").orElseThrow());
        String idToken = lms.idToken(user, course, user.endsWith("-teacher"), request.get("nonce"), base + "/");
        return new Launch(Map.of("id_token", idToken, "state", request.get("state")), cookie);
    }

    private String launchedToken(String user, String course, boolean instructor) throws IOException, InterruptedException {
        Launch started = login(base, user + (instructor && !user.endsWith("-teacher") ? "-teacher" : ""), course);
        HttpResponse<String> home = post(base + "/lti/launch", started.form(), started.cookie());
        Matcher token = BEARER.matcher(unescape(home.body()));
        if (home.statusCode() != 200 || !token.find()) {
            throw new IOException("launch answered " + home.statusCode() + ": " + brief(home.body()));
        }
        return token.group(1);
    }

    private HttpResponse<String> post(String url, Map<String, String> form, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- retrying like a page, and counting ------------------------------------------------------------------

    interface Call {
        String call() throws Exception;
    }

    /** Requests sent, acknowledged, errors, and when the last error was seen. */
    private static final class Counters {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong lastError = new AtomicLong();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

        double recoverySeconds(long faultStarted) {
            long last = lastError.get();
            return last < faultStarted ? 0 : (last - faultStarted) / 1e9;
        }
    }

    /** Sends until acknowledged, every 0.5 s, as the page retries; gives up at {@code until} (returns null). */
    private static String retrying(Counters counters, Call call, long until) {
        while (true) {
            counters.sent.incrementAndGet();
            try {
                String answer = call.call();
                counters.acknowledged.incrementAndGet();
                return answer;
            } catch (Exception e) {
                counters.errors.incrementAndGet();
                counters.lastError.set(System.nanoTime());
                if (counters.firstErrors.size() < 3) {
                    counters.firstErrors.add(e.getMessage());
                }
                if (System.nanoTime() > until) {
                    return null;
                }
                pause(500);
            }
        }
    }

    // ---- checking what was kept ------------------------------------------------------------------------------

    private Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("drill.db.url", "jdbc:mariadb://127.0.0.1:3316/workbench"),
                System.getProperty("drill.db.user", "workbench"), System.getProperty("drill.db.password", ""));
    }

    private Map<String, Long> personIds(String course) throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Connection db = database(); PreparedStatement q = db.prepareStatement("SELECT p.subject, p.id FROM person p"
                + " JOIN membership m ON m.person_id = p.id JOIN course c ON c.id = m.course_id WHERE c.context_id = ?")) {
            q.setString(1, course);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return ids;
    }

    /** Acknowledged saves whose revision is missing, or holds another text. */
    private long lostSaves(List<Student> class_) throws SQLException {
        long lost = 0;
        try (Connection db = database(); PreparedStatement q = db.prepareStatement("SELECT r.value FROM workbook_revision r"
                + " JOIN workbook_answer a ON a.id = r.answer_id JOIN membership m ON m.id = a.author_id"
                + " JOIN person p ON p.id = m.person_id WHERE p.subject = ? AND a.field_id = ? AND r.revision = ?")) {
            for (Student s : class_) {
                for (Map.Entry<String, String> ack : s.acknowledged.entrySet()) {
                    String[] fieldAndRevision = ack.getKey().split(" ");
                    q.setString(1, s.user);
                    q.setString(2, fieldAndRevision[0]);
                    q.setInt(3, Integer.parseInt(fieldAndRevision[1]));
                    try (ResultSet row = q.executeQuery()) {
                        if (!row.next() || !row.getString(1).contains(ack.getValue())) {
                            lost++;
                        }
                    }
                }
            }
        }
        return lost;
    }

    /** Revisions that repeat the one before them: a save stored twice. */
    private long duplicatedRevisions(String course) throws SQLException {
        try (Connection db = database(); PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM workbook_revision r1"
                + " JOIN workbook_revision r2 ON r2.answer_id = r1.answer_id AND r2.revision = r1.revision + 1"
                + " AND r2.value = r1.value JOIN workbook_answer a ON a.id = r1.answer_id"
                + " JOIN course c ON c.id = a.course_id WHERE c.context_id = ?")) {
            q.setString(1, course);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private record Delivery(int arrived, int lost, int twice) {
    }

    /** Waits until every acknowledged grade reached the LMS (or the limit); counts the missing and the doubled. */
    private Delivery awaitDelivery(List<String> graded, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            int arrived = 0;
            int twice = 0;
            for (String g : graded) {
                AtomicInteger n = lms.accepted.get(g);
                arrived += n == null ? 0 : 1;
                twice += n != null && n.get() > 1 ? 1 : 0;
            }
            if (arrived == graded.size() || System.nanoTime() > deadline) {
                return new Delivery(arrived, graded.size() - arrived, twice);
            }
            pause(1000);
        }
    }

    // ---- small things ----------------------------------------------------------------------------------------

    private static void exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#34;", "\"").replace("&amp;", "&");
    }

    private static String brief(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.substring(0, Math.min(160, flat.length()));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            pause(wait / 1_000_000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
