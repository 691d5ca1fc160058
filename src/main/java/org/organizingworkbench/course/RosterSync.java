package org.organizingworkbench.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.lti.Roster;
import org.organizingworkbench.lti.ServiceException;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformServices;

import java.util.logging.Logger;

/**
 * Fetches a course's roster from its platform (Names and Role Provisioning, all pages) and applies it, so the tool
 * knows every member before they launch. The HTTP calls run outside any transaction; only applying is one.
 */
@ApplicationScoped
public class RosterSync {

    /** How a sync ended, for the person who asked for it. */
    public record Outcome(boolean ok, int members, String problem) {
    }

    private static final Logger LOG = Logger.getLogger(RosterSync.class.getName());

    @Inject
    CourseRoster roster;

    @Inject
    PlatformServices services;

    public Outcome sync(long courseId) {
        Course course = roster.course(courseId);
        if (course == null || course.membershipsUrl().isEmpty()) {
            return new Outcome(false, 0, "no-service");
        }
        Platform platform = services.platformOf(course.deploymentRowId()).orElse(null);
        if (platform == null) {
            return new Outcome(false, 0, "no-service");
        }
        try {
            Roster fetched = services.namesAndRoles().roster(PlatformServices.registration(platform),
                    course.membershipsUrl().get());
            int members = roster.applyRoster(courseId, platform.id(), fetched);
            LOG.info(() -> "Roster of course " + courseId + " synced: " + members + " members");
            return new Outcome(true, members, null);
        } catch (ServiceException e) {
            String reason = "HTTP " + e.status() + ": " + e.reason();
            LOG.warning(() -> "Roster sync of course " + courseId + " failed at " + e.url() + ": " + reason);
            roster.rosterSyncFailed(courseId, reason);
            return new Outcome(false, 0, reason);
        }
    }
}
