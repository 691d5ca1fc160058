package org.organizingworkbench.course;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.organizingworkbench.infrastructure.ToolStarted;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps rosters fresh without anyone asking: every WORKBENCH_ROSTER_SYNC_HOURS (6; 0 turns it off) each course with
 * a Names and Role Provisioning endpoint whose roster is older than that is synced, one course at a time (platforms
 * throttle per tool token).
 */
@ApplicationScoped
public class PeriodicRosterSync {

    private static final Logger LOG = Logger.getLogger(PeriodicRosterSync.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CourseRoster roster;

    @Inject
    RosterSync sync;

    @Inject
    @ConfigProperty(name = "workbench.roster-sync.hours")
    int hours;

    private ScheduledFuture<?> task;

    void onStart(@Observes ToolStarted started) {
        if (hours > 0) {
            task = scheduler.scheduleWithFixedDelay(this::syncStaleRosters, 5, 30, TimeUnit.MINUTES);
        }
    }

    void syncStaleRosters() {
        try {
            List<Long> stale = roster.coursesWithStaleRosters(Duration.ofHours(hours));
            for (Long courseId : stale) {
                sync.sync(courseId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Periodic roster sync stopped early", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
