package org.organizingworkbench.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times a roster sync (Names and Role Provisioning, all pages) of a large course against a running instance in the
 * development profile: the emulator's synthetic course rN has N learners. The instructor launches once, then the
 * sync runs several times: the first inserts everyone, the next ones update. Each sync runs in the background as
 * "Update from the LMS" does; the time is from the click until its progress says it is done. Usage: {@code mvn -q -Pbench
 * -Dbench.main=org.organizingworkbench.bench.RosterBenchmark -Dbench.roster=2000 -Dbench.runs=3}.
 */
public final class RosterBenchmark {

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:8080");
        String emulatorOrigin = System.getProperty("bench.emulator", base.replace("127.0.0.1", "localhost"));
        int size = Integer.getInteger("bench.roster", 2000);
        int runs = Integer.getInteger("bench.runs", 3);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String home = LaunchBenchmark.launch(http, base, emulatorOrigin, "bench-r" + size + "-instructor");
        Matcher token = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)").matcher(home.replace("&quot;", "\""));
        if (!token.find()) {
            throw new IllegalStateException("the instructor's home page carries no session token");
        }
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(base + "/app/roster/sync"))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token.group(1))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> synced = awaitDone(http, base, token.group(1));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Matcher listed = Pattern.compile("The LMS lists ([\\d,]+) members").matcher(synced.body());
            System.out.printf("sync %d: HTTP %d, %s members, %.2f s (%.0f members/s)%s%n", run, synced.statusCode(),
                    listed.find() ? listed.group(1) : "?", seconds, (size + 1) / seconds,
                    run == 1 ? " — first sync: inserts people and memberships" : " — re-sync: updates");
        }
    }

    /** Polls the sync's progress (every 50 ms, finer than the page's 1 s) until it answers with the roster. */
    private static HttpResponse<String> awaitDone(HttpClient http, String base, String token) throws Exception {
        while (true) {
            HttpResponse<String> progress = http.send(HttpRequest.newBuilder(URI.create(base + "/app/roster/sync/progress"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (progress.statusCode() != 200 || progress.headers().firstValue("HX-Retarget").isPresent()) {
                return progress;
            }
            Thread.sleep(50);
        }
    }
}
