package org.organizingworkbench.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.AssignmentGradeClient;
import org.organizingworkbench.lti.NamesRoleClient;
import org.organizingworkbench.lti.ServiceRegistration;
import org.organizingworkbench.lti.ServiceScope;
import org.organizingworkbench.lti.ServiceTokenClient;

import java.util.Optional;

/**
 * The LTI Advantage services of the registered platforms, as every feature calls them: one token client, so a
 * roster sync and grade delivery to the same platform share one cached access token (every call asks for the same
 * scope set), and the tool's current signing key and User-Agent on every request.
 */
@ApplicationScoped
public class PlatformServices {

    @Inject
    PlatformRegistry platforms;

    @Inject
    ToolKeyRing keys;

    @Inject
    Settings settings;

    private NamesRoleClient namesAndRoles;
    private AssignmentGradeClient assignmentsAndGrades;

    @PostConstruct
    void init() {
        ServiceTokenClient tokens = new ServiceTokenClient(keys::currentSigningKey, settings.userAgent());
        namesAndRoles = new NamesRoleClient(tokens);
        assignmentsAndGrades = new AssignmentGradeClient(tokens);
    }

    public NamesRoleClient namesAndRoles() {
        return namesAndRoles;
    }

    public AssignmentGradeClient assignmentsAndGrades() {
        return assignmentsAndGrades;
    }

    /** The platform a deployment belongs to, if the deployment still exists. */
    public Optional<Platform> platformOf(long deploymentRowId) {
        return platforms.deploymentById(deploymentRowId).map(Deployment::platform);
    }

    public static ServiceRegistration registration(Platform platform) {
        return new ServiceRegistration(platform.tokenUrl(), platform.clientId(), ServiceScope.ALL);
    }
}
