package org.organizingworkbench.lti;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NRPS and AGS calls for one registration share one access token, fetched once however many threads need it. */
class SharedTokenTest {

    private static final String MEMBERSHIPS = "/nrps/2";
    private static final String SCORES = "/ags/2/lineitems/1/scores";

    private FakePlatform platform;

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
        platform.tokenDelayMillis = 200; // long enough for all threads to ask while the request is in flight
        platform.authorizedRoute(MEMBERSHIPS, request -> FakePlatform.Reply.json(200,
                "{\"context\":{\"id\":\"2\"},\"members\":[{\"user_id\":\"5\",\"roles\":[\"Learner\"]}]}"));
        platform.authorizedRoute(SCORES, request -> new FakePlatform.Reply(200, Map.of(), ""));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    @DisplayName("50 NRPS and score calls from 8 threads: exactly one token request")
    void oneTokenRequest() throws Exception {
        ServiceTokenClient tokens = FakePlatform.tokenClient();
        NamesRoleClient names = new NamesRoleClient(tokens);
        AssignmentGradeClient grades = new AssignmentGradeClient(tokens);
        ServiceRegistration registration = platform.registration();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                Callable<Object> call = n % 2 == 0
                        ? () -> names.roster(registration, platform.url(MEMBERSHIPS))
                        : () -> {
                            grades.postScore(registration, platform.url("/ags/2/lineitems/1"),
                                    Score.graded("5", n, 50, Instant.now().plusMillis(n)));
                            return null;
                        };
                calls.add(threads.submit(call));
            }
            for (Future<Object> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, platform.tokenRequests.get());
        assertEquals(25, platform.requestsTo(MEMBERSHIPS).size());
        assertEquals(25, platform.requestsTo(SCORES).size());
    }
}
