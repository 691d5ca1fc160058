package org.organizingworkbench.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.ClientRegistration;
import org.organizingworkbench.lti.DynamicRegistrationClient;
import org.organizingworkbench.lti.DynamicRegistrationException;
import org.organizingworkbench.lti.OpenIdConfiguration;
import org.organizingworkbench.lti.RegistrationFailure;
import org.organizingworkbench.lti.ToolRegistrationRequest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A platform registering the tool by itself (LTI Dynamic Registration 1.0): the LMS administrator pastes the tool's
 * registration URL, the LMS opens it with its OpenID configuration URL and a registration token, and the tool
 * fetches the configuration, registers with the platform and stores the platform with the client_id (and, from
 * Moodle, the deployment) it was given. With WORKBENCH_REGISTRATION_APPROVAL=admin the new platform waits for the
 * tool administrator before anyone can launch from it.
 *
 * <p>Not transactional on purpose: the two HTTP calls to the platform happen outside any database transaction; only
 * the final store is one.
 */
@ApplicationScoped
public class DynamicRegistrations {

    static final String CLIENT_NAME = "Organizing Workbench";
    static final String DESCRIPTION = "Project workbook, peer review and section coaching for the organizing course"
            + " (based on the organizing framework of Marshall Ganz).";
    // The tool's endpoints (web.LoginResource, web.LaunchResource, web.JwksResource).
    static final String LOGIN_PATH = "/lti/login";
    static final String LAUNCH_PATH = "/lti/launch";
    static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final Logger LOG = Logger.getLogger(DynamicRegistrations.class.getName());

    @Inject
    Settings settings;

    @Inject
    PlatformRegistry registry;

    DynamicRegistrationClient client;

    /**
     * What a registration led to.
     *
     * @param productFamily     the platform's product_family_code ("moodle", "canvas"), or null
     * @param deploymentId      the deployment the platform created with the registration, or null (Canvas: later)
     * @param pendingApproval   the platform waits for the tool administrator's approval
     * @param alreadyRegistered the platform had registered these values before; nothing new was stored
     */
    public record Outcome(Platform platform, String productFamily, String deploymentId, boolean pendingApproval,
                          boolean alreadyRegistered) {
    }

    @PostConstruct
    void init() {
        client = new DynamicRegistrationClient(settings.userAgent());
    }

    /**
     * @param openIdConfigurationUrl the platform's {@code openid_configuration} parameter
     * @param registrationToken      the platform's {@code registration_token} parameter, or null
     * @throws DynamicRegistrationException  when a step with the platform fails
     * @throws RegistrationConflictException when the platform names a registration the tool has with other endpoints
     */
    public Outcome register(String openIdConfigurationUrl, String registrationToken) throws DynamicRegistrationException {
        OpenIdConfiguration configuration = client.fetchConfiguration(openIdConfigurationUrl, registrationToken);
        ClientRegistration issued = client.register(configuration, toolRegistration(), registrationToken);
        PlatformRegistration registration = new PlatformRegistration(name(configuration), configuration.issuer(),
                issued.clientId(), configuration.authorizationEndpoint(), configuration.tokenEndpoint(),
                configuration.jwksUri(), issued.deploymentId() == null ? List.of() : List.of(issued.deploymentId()));
        PlatformStatus status = settings.registrationApproval() == Settings.RegistrationApproval.AUTO
                ? PlatformStatus.ACTIVE : PlatformStatus.PENDING;
        PlatformRegistry.SelfRegistration stored;
        try {
            stored = registry.registerSelf(registration, status);
        } catch (InvalidRegistrationException e) {
            throw new DynamicRegistrationException(RegistrationFailure.REGISTRATION_INVALID,
                    "the platform's values cannot be stored, invalid: " + e.fields());
        }
        Platform platform = stored.platform();
        LOG.info(() -> "Dynamic registration: platform " + platform.issuer() + " / " + platform.clientId()
                + (stored.alreadyRegistered() ? " was already registered with these values" : " registered")
                + (issued.deploymentId() == null ? "" : ", deployment " + issued.deploymentId())
                + (platform.isActive() ? "" : "; it waits for the admin's approval"));
        return new Outcome(platform, configuration.productFamilyCode(), issued.deploymentId(), !platform.isActive(),
                stored.alreadyRegistered());
    }

    /** What the tool asks every platform for; {@link ToolRegistrationRequest} shapes it for each. */
    ToolRegistrationRequest toolRegistration() {
        String base = settings.baseUrl();
        return new ToolRegistrationRequest(CLIENT_NAME, DESCRIPTION, URI.create(base + LOGIN_PATH),
                List.of(URI.create(base + LAUNCH_PATH)), URI.create(base + JWKS_PATH), URI.create(base + "/"), null,
                ToolRegistrationRequest.ADVANTAGE_SCOPES, ToolRegistrationRequest.PERSON_CLAIMS);
    }

    /** e.g. "Canvas (Test University)", "Moodle (moodle.example.edu)": the admin can rename it on the admin page. */
    static String name(OpenIdConfiguration configuration) {
        String code = configuration.productFamilyCode();
        String family = code == null ? "LMS" : code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
        URI issuer = URI.create(configuration.issuer());
        String path = issuer.getPath() == null || "/".equals(issuer.getPath()) ? "" : issuer.getPath();
        String where = configuration.accountName() != null ? configuration.accountName() : issuer.getAuthority() + path;
        String name = family + " (" + where + ")";
        return name.length() > 255 ? name.substring(0, 254) + "…" : name;
    }
}
