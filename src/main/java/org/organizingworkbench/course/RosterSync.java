package org.organizingworkbench.course;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.NamesRoleClient;
import org.organizingworkbench.lti.Roster;
import org.organizingworkbench.lti.ServiceException;
import org.organizingworkbench.lti.ServiceRegistration;
import org.organizingworkbench.lti.ServiceScope;
import org.organizingworkbench.lti.ServiceTokenClient;
import org.organizingworkbench.platform.Deployment;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistry;
import org.organizingworkbench.platform.ToolKeyRing;

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
    PlatformRegistry platforms;

    @Inject
    ToolKeyRing keys;

    @Inject
    Settings settings;

    private NamesRoleClient namesAndRoles;

    @PostConstruct
    void init() {
        namesAndRoles = new NamesRoleClient(new ServiceTokenClient(keys::currentSigningKey, settings.userAgent()));
    }

    public Outcome sync(long courseId) {
        Course course = roster.course(courseId);
        if (course == null || course.membershipsUrl().isEmpty()) {
            return new Outcome(false, 0, "no-service");
        }
        Deployment deployment = platforms.deploymentById(course.deploymentRowId()).orElse(null);
        if (deployment == null) {
            return new Outcome(false, 0, "no-service");
        }
        Platform platform = deployment.platform();
        try {
            Roster fetched = namesAndRoles.roster(new ServiceRegistration(platform.tokenUrl(), platform.clientId(),
                    ServiceScope.ALL), course.membershipsUrl().get());
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
