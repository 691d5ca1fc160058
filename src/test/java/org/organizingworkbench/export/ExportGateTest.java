package org.organizingworkbench.export;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExportGateTest {

    @Test
    void anExportBeyondTheLimitWaitsThenIsRefusedAndTheGateReopensAfterward() throws Exception {
        ExportGate gate = new ExportGate(1, Duration.ofMillis(50));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> gate.run(() -> {
                running.countDown();
                await(finish);
                return "first";
            }));
            running.await();
            assertNull(gate.run(() -> "second"), "no permit came free within the wait");
            finish.countDown();
            assertEquals("first", first.get());
            assertEquals("third", gate.run(() -> "third"), "the permit is back once the export ended");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingExportGivesItsPermitBack() {
        ExportGate gate = new ExportGate(1, Duration.ofMillis(10));
        try {
            gate.run(() -> {
                throw new IllegalStateException("renderer failed");
            });
        } catch (IllegalStateException expected) {
            // the caller sees the failure
        }
        assertEquals("next", gate.run(() -> "next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
