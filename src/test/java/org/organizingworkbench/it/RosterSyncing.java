package org.organizingworkbench.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** "Update from the LMS" as the roster fragment runs it: start the sync, then poll its progress until it is done. */
final class RosterSyncing {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");

    private RosterSyncing() {
    }

    /** The roster fragment with the sync's outcome, once the background sync is done. */
    static String syncAndWait(String token) throws Exception {
        HttpResponse<String> started = new Browser().post(BASE + "/app/roster/sync", Map.of(), "Authorization", "Bearer " + token);
        assertEquals(200, started.statusCode(), started.body());
        if (!started.body().contains("roster-sync-progress")) {
            return started.body(); // refused at once (no roster service)
        }
        assertTrue(started.body().contains("hx-get=\"/app/roster/sync/progress\""), "the answer polls the progress");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> progress = new Browser().get(BASE + "/app/roster/sync/progress", "Authorization", "Bearer " + token);
            assertEquals(200, progress.statusCode(), progress.body());
            if (progress.headers().firstValue("HX-Retarget").isPresent()) {
                return progress.body();
            }
            assertTrue(progress.body().contains("Updating from the LMS"), progress.body());
            Thread.sleep(200);
        }
        fail("the roster sync did not end within a minute");
        return "";
    }
}
