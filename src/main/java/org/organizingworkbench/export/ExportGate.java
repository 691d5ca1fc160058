package org.organizingworkbench.export;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many PDF exports run at once on a node. One export takes about a second of CPU and a few hundred MB
 * of short-lived allocation, so a class downloading at the same moment (or one person pressing the button twenty
 * times) must queue briefly rather than starve the autosaves; past the wait, the export is refused and asked again.
 */
public final class ExportGate {

    private final Semaphore permits;
    private final Duration wait;

    public ExportGate(int concurrent, Duration wait) {
        this.permits = new Semaphore(Math.max(1, concurrent), true);
        this.wait = wait;
    }

    /** @return the export's result, or null when no permit came free in time */
    public <T> T run(Supplier<T> export) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (!acquired) {
            return null;
        }
        try {
            return export.get();
        } finally {
            permits.release();
        }
    }
}
