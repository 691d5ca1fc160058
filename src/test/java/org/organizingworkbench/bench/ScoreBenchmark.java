package org.organizingworkbench.bench;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores delivered per second from the grade outbox to the emulator's AGS endpoint, against a running instance in
 * the development profile. The emulator's synthetic course rN's instructor launches once (the link gets its line
 * item); then each run writes N grades with their outbox rows in one transaction, as {@code Grades.record} does
 * for each, and waits until the emulator's gradebook has accepted all N. The worker sends at most
 * WORKBENCH_GRADE_DELIVERY_CONCURRENCY POSTs at a time (the server's setting; 1 by default). Prints throughput
 * and the percentiles of each score's time from queued to delivered (outbox created_at to sent_at). Usage:
 * {@code mvn -q -Pbench -Dbench.main=org.organizingworkbench.bench.ScoreBenchmark -Dbench.scores=1000
 * -Dbench.runs=3 -Dbench.db.url=jdbc:mariadb://127.0.0.1:<port>/workbench}.
 */
public final class ScoreBenchmark {

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:8080");
        String emulatorOrigin = System.getProperty("bench.emulator", base.replace("127.0.0.1", "localhost"));
        int scores = Integer.getInteger("bench.scores", 1000);
        int runs = Integer.getInteger("bench.runs", 3);
        String course = "r" + scores;
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        LaunchBenchmark.launch(http, base, emulatorOrigin, "bench-" + course + "-instructor");
        try (Connection db = DriverManager.getConnection(System.getProperty("bench.db.url"),
                System.getProperty("bench.db.user", "workbench"), System.getProperty("bench.db.password", launcherDatabasePassword()))) {
            for (int run = 1; run <= runs; run++) {
                int acceptedBefore = accepted(http, emulatorOrigin, course);
                long t0 = System.nanoTime();
                long firstRow = queue(db, course, scores, run);
                while (accepted(http, emulatorOrigin, course) < acceptedBefore + scores) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long[] latencies = latencies(db, firstRow);
                System.out.printf("run %d: %d scores delivered in %.2f s: %.1f scores/s; queued-to-delivered ms"
                                + " p50 %d  p90 %d  p99 %d  max %d%n", run, scores, seconds, scores / seconds,
                        pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[latencies.length - 1]);
            }
        }
    }

    /** Grades for learners u1..uN of the course's link and their PENDING outbox rows; returns the first row's id. */
    private static long queue(Connection db, String course, int scores, int run) throws Exception {
        db.setAutoCommit(false);
        long linkId;
        long courseId;
        long platformId;
        String lineItem;
        try (PreparedStatement link = db.prepareStatement("SELECT l.id, l.course_id, d.platform_id, l.lineitem_url"
                + " FROM resource_link l JOIN course c ON c.id = l.course_id JOIN deployment d ON d.id = c.deployment_id"
                + " WHERE l.link_id = ?")) {
            link.setString(1, "bench-link-" + course);
            try (ResultSet row = link.executeQuery()) {
                if (!row.next() || row.getString(4) == null) {
                    throw new IllegalStateException("the launch left no graded link bench-link-" + course);
                }
                linkId = row.getLong(1);
                courseId = row.getLong(2);
                platformId = row.getLong(3);
                lineItem = row.getString(4);
            }
        }
        execute(db, "INSERT INTO person (platform_id, subject, name, updated_at) SELECT ?, CONCAT('bench-" + course
                + "-u', seq), CONCAT('Learner " + course + ".u', seq), UTC_TIMESTAMP(3) FROM seq_1_to_" + scores
                + " ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at)", platformId);
        // Only a course's learners are ever scored: the worker reads the membership before each POST.
        execute(db, "INSERT INTO membership (course_id, person_id, role, roster_role, lms_roles, active, updated_at)"
                + " SELECT ?, id, 'LEARNER', 'LEARNER', 'Learner', TRUE, UTC_TIMESTAMP(3) FROM person WHERE platform_id = ?"
                + " AND subject LIKE 'bench-" + course + "-u%' ON DUPLICATE KEY UPDATE active = TRUE", courseId, platformId);
        execute(db, "INSERT INTO grade (course_id, resource_link_id, person_id, score_given, score_maximum,"
                + " activity_progress, grading_progress, updated_at) SELECT ?, ?, id, MOD(id + ?, 100), 100, 'Completed',"
                + " 'FullyGraded', UTC_TIMESTAMP(3) FROM person WHERE platform_id = ? AND subject LIKE 'bench-" + course
                + "-u%' ON DUPLICATE KEY UPDATE score_given = VALUES(score_given), updated_at = VALUES(updated_at)",
                courseId, linkId, run, platformId);
        long first;
        try (PreparedStatement max = db.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM grade_delivery");
             ResultSet row = max.executeQuery()) {
            row.next();
            first = row.getLong(1);
        }
        execute(db, "INSERT INTO grade_delivery (grade_id, line_item_url, user_id, score_given, score_maximum,"
                + " activity_progress, grading_progress, created_at, status, attempts, next_attempt_at)"
                + " SELECT g.id, ?, p.subject, g.score_given, g.score_maximum, g.activity_progress, g.grading_progress,"
                + " UTC_TIMESTAMP(3), 'PENDING', 0, UTC_TIMESTAMP(3) FROM grade g JOIN person p ON p.id = g.person_id"
                + " WHERE g.resource_link_id = ?", lineItem, linkId);
        db.commit();
        return first;
    }

    private static long[] latencies(Connection db, long firstRow) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (PreparedStatement rows = db.prepareStatement("SELECT created_at, sent_at FROM grade_delivery"
                + " WHERE id >= ? AND status = 'SENT'")) {
            rows.setLong(1, firstRow);
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    Timestamp created = row.getTimestamp(1);
                    Timestamp sent = row.getTimestamp(2);
                    millis.add(sent.getTime() - created.getTime());
                }
            }
        }
        return millis.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @SuppressWarnings("unchecked")
    private static int accepted(HttpClient http, String emulatorOrigin, String course) throws Exception {
        HttpResponse<String> book = http.send(HttpRequest.newBuilder(URI.create(emulatorOrigin + "/emulator/gradebook/bench-course-"
                + course)).GET().build(), HttpResponse.BodyHandlers.ofString());
        int total = 0;
        for (Object item : (List<Object>) JSONObjectUtils.parse(book.body()).get("lineItems")) {
            for (Object result : (List<Object>) ((Map<String, Object>) item).get("results")) {
                total += ((Number) ((Map<String, Object>) result).get("accepted")).intValue();
            }
        }
        return total;
    }

    private static void execute(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The password `mvn -Prun` gave the embedded database's user (data/database-password). */
    private static String launcherDatabasePassword() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(System.getenv().getOrDefault("WORKBENCH_DATA_DIR", "data"), "database-password");
        return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file).trim() : "";
    }
}
