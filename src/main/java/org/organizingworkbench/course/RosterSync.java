package org.organizingworkbench.course;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.lti.Roster;
import org.organizingworkbench.lti.ServiceException;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformServices;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches a course's roster from its platform (Names and Role Provisioning, all pages) and applies it, so the tool
 * knows every member before they launch. The HTTP calls run outside any transaction; only applying is one. One sync
 * per course runs at a time (on any node); it records its progress, pages and members read, as it goes.
 */
@ApplicationScoped
public class RosterSync {

    /** How a sync ended, for the person who asked for it. */
    public record Outcome(boolean ok, int members, String problem) {
    }

    static final String ALREADY_RUNNING = "running";
    static final String NO_SERVICE = "no-service";
    /** Longer than any sync takes; a sync that started earlier and never ended was cut off with its node. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(RosterSync.class.getName());

    @Inject
    CourseRoster roster;

    @Inject
    PlatformServices services;

    @Resource
    ManagedExecutorService executor;

    /** Syncs now and answers when done; a sync already running for the course makes this one give way. */
    public Outcome sync(long courseId) {
        Platform platform = platformWithRoster(courseId);
        if (platform == null) {
            return new Outcome(false, 0, NO_SERVICE);
        }
        if (!roster.claimRosterSync(courseId, ABANDONED_AFTER)) {
            return new Outcome(false, 0, ALREADY_RUNNING);
        }
        return runClaimed(courseId, platform);
    }

    /**
     * Starts a sync in the background (large courses take a while); its progress is on the course.
     *
     * @return false when the course has no roster service; true when a sync runs now, this one or one before
     */
    public boolean start(long courseId) {
        Platform platform = platformWithRoster(courseId);
        if (platform == null) {
            return false;
        }
        if (roster.claimRosterSync(courseId, ABANDONED_AFTER)) {
            try {
                executor.execute(() -> runClaimed(courseId, platform));
            } catch (RuntimeException e) {
                roster.rosterSyncEnded(courseId);
                throw e;
            }
        }
        return true;
    }

    private Platform platformWithRoster(long courseId) {
        Course course = roster.course(courseId);
        if (course == null || course.membershipsUrl().isEmpty()) {
            return null;
        }
        return services.platformOf(course.deploymentRowId()).orElse(null);
    }

    private Outcome runClaimed(long courseId, Platform platform) {
        try {
            Roster fetched = services.namesAndRoles().roster(PlatformServices.registration(platform),
                    roster.course(courseId).membershipsUrl().orElseThrow(),
                    (pages, members) -> roster.rosterSyncProgress(courseId, pages, members));
            int members = roster.applyRoster(courseId, platform.id(), fetched);
            LOG.info(() -> "Roster of course " + courseId + " synced: " + members + " members");
            return new Outcome(true, members, null);
        } catch (ServiceException e) {
            String reason = "HTTP " + e.status() + ": " + e.reason();
            LOG.warning(() -> "Roster sync of course " + courseId + " failed at " + e.url() + ": " + reason);
            roster.rosterSyncFailed(courseId, reason);
            return new Outcome(false, 0, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Roster sync of course " + courseId + " stopped", e);
            roster.rosterSyncFailed(courseId, "stopped: " + e.getClass().getSimpleName());
            return new Outcome(false, 0, "stopped: " + e.getClass().getSimpleName());
        } finally {
            roster.rosterSyncEnded(courseId);
        }
    }
}
