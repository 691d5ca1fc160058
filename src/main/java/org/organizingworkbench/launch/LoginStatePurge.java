package org.organizingworkbench.launch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.ToolStarted;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes expired login states every ten minutes, on every node (the delete is idempotent). */
@ApplicationScoped
public class LoginStatePurge {

    private static final Logger LOG = Logger.getLogger(LoginStatePurge.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    LaunchService launches;

    private ScheduledFuture<?> task;

    void onStart(@Observes ToolStarted started) {
        task = scheduler.scheduleWithFixedDelay(this::purge, 10, 10, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int removed = launches.purgeExpiredLogins();
            if (removed > 0) {
                LOG.fine(() -> "Removed " + removed + " expired login states");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge expired login states", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
