package org.organizingworkbench.launch;

import jakarta.annotation.PostConstruct;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.course.Enrolment;
import org.organizingworkbench.infrastructure.NodeCaches;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.infrastructure.ToolStarted;
import org.organizingworkbench.lti.AuthenticationRequest;
import org.organizingworkbench.lti.ExpectedLaunch;
import org.organizingworkbench.lti.IdTokenVerifier;
import org.organizingworkbench.lti.LaunchRejectedException;
import org.organizingworkbench.lti.LaunchRule;
import org.organizingworkbench.lti.LoginInitiation;
import org.organizingworkbench.lti.LtiLaunch;
import org.organizingworkbench.lti.PlatformKeySets;
import org.organizingworkbench.platform.Deployment;
import org.organizingworkbench.platform.DeploymentStatus;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistry;
import org.organizingworkbench.platform.PlatformsChanged;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The LTI 1.3 launch as the tool runs it: login initiation, then the launch itself. The protocol checks live in
 * {@code lti}; this service supplies what only the application knows (registrations, stored login state, the
 * roster) and turns a valid launch into a session.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = LaunchRejectedException.class)
public class LaunchService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LaunchService.class.getName());

    public static final String LAUNCH_PATH = "/lti/launch";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    PlatformRegistry platforms;

    @Inject
    CourseRoster roster;

    @Inject
    SessionTokens sessions;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    NodeCaches caches;
    private PlatformKeySets keySets;
    private IdTokenVerifier verifier;

    @PostConstruct
    void init() {
        keySets = new PlatformKeySets(settings.userAgent());
        if (caches != null) {
            // A platform changed on any node (e.g. its keys were replaced): fetch its key set again.
            caches.whenStale(PlatformsChanged.COPIES, key -> keySets.forgetAll());
        }
        verifier = new IdTokenVerifier(clock, settings.launchLeeway(), settings.loginStateLifetime());
    }

    /**
     * A node that starts (or joins a cluster) fetches the active platforms' key sets in the background, so that its
     * first launches verify from memory instead of fetching inside their transaction.
     */
    void warmKeySets(@Observes ToolStarted started) {
        List<String> urls = platforms.all().stream().filter(Platform::isActive).map(Platform::jwksUrl).distinct().toList();
        CompletableFuture.runAsync(() -> urls.forEach(url -> {
            try {
                keySets.forUrl(url).get(new JWKSelector(new JWKMatcher.Builder().build()), null);
            } catch (KeySourceException | RuntimeException e) {
                keySets.forget(url); // no failed fetch or rate limit carried over: the first launch fetches afresh
                LOG.fine(() -> "Key set of " + url + " not fetched at start: " + e);
            }
        }));
    }

    /** Security Framework 5.1.1: answer a third-party initiated login with an authentication request. */
    public LoginStarted login(LoginInitiation login) throws LaunchRejectedException {
        Platform platform = platformFor(login);
        requireApproved(platform);
        if (!pointsAtThisTool(login.targetLinkUri())) {
            throw new LaunchRejectedException(LaunchRule.TARGET_LINK_URI_MISMATCH,
                    "target_link_uri '" + login.targetLinkUri() + "' is not under " + settings.baseUrl());
        }
        String state = randomToken();
        String nonce = randomToken();
        String binding = randomToken();
        LocalDateTime now = now();
        em.persist(new LoginState(state, nonce, binding, platform.id(), login, now, now.plus(settings.loginStateLifetime())));
        URI auth = new AuthenticationRequest(URI.create(platform.authUrl()), platform.clientId(),
                settings.url(LAUNCH_PATH), login, state, nonce).toUri();
        return new LoginStarted(auth, state, binding, login.storageTarget(), origin(platform.authUrl()));
    }

    /** Security Framework 5.1.3 and LTI Core: validate the id_token, check the browser, consume the state. */
    public LaunchOutcome launch(String idToken, String state, BrowserBinding browser) throws LaunchRejectedException {
        LoginState login = state == null ? null : em.find(LoginState.class, state);
        if (login == null || !login.isUsable(now())) {
            throw new LaunchRejectedException(LaunchRule.STATE_UNKNOWN,
                    login == null ? "no login with this state" : "the login was already used or has expired");
        }
        Platform platform = platforms.byId(login.platformId()).orElseThrow(() ->
                new LaunchRejectedException(LaunchRule.PLATFORM_UNKNOWN, "the registration was removed during the login"));
        requireApproved(platform);
        LtiLaunch launch = verifier.verify(idToken, new ExpectedLaunch(platform.issuer(), platform.clientId(),
                login.nonce(), login.deploymentId(), login.targetLinkUri()), keySets.forUrl(platform.jwksUrl()));
        Deployment deployment = activeDeployment(platform, launch.deploymentId());
        platform.noteProductFamily(launch.platformProduct().orElse(null));

        if (!isBound(login, browser)) {
            if (login.storageTarget() != null && !browser.storageTried()) {
                return new LaunchOutcome.NeedsPlatformStorage(login.storageTarget(), storageKey(state),
                        origin(platform.authUrl()));
            }
            throw new LaunchRejectedException(LaunchRule.STATE_NOT_BOUND,
                    "neither the binding cookie nor Platform Storage carried the login's binding");
        }
        consume(state);
        Enrolment enrolment = roster.enrol(platform.id(), deployment.id(), launch);
        Session session = sessions.newSession(new Session(enrolment.personId(), enrolment.displayName(),
                enrolment.courseId(), enrolment.courseTitle(), enrolment.membershipId(), enrolment.role(),
                platform.id(), deployment.id(), launch.locale().orElse(null), null,
                enrolment.resourceLinkId()));
        return new LaunchOutcome.Completed(session, launch);
    }

    /**
     * The login parameters of a launch whose browser binding was lost (third-party cookies blocked, no Platform
     * Storage), so the page can offer to start the same launch again in a new top-level window. Empty if unknown.
     */
    public Map<String, String> retryInNewWindow(String state) {
        LoginState login = state == null ? null : em.find(LoginState.class, state);
        if (login == null) {
            return Map.of();
        }
        Platform platform = platforms.byId(login.platformId()).orElse(null);
        if (platform == null) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("iss", platform.issuer());
        parameters.put("client_id", platform.clientId());
        parameters.put("login_hint", login.loginHint());
        parameters.put("target_link_uri", login.targetLinkUri());
        if (login.deploymentId() != null) {
            parameters.put("lti_deployment_id", login.deploymentId());
        }
        if (login.messageHint() != null) {
            parameters.put("lti_message_hint", login.messageHint());
        }
        return parameters;
    }

    /** The issuer a login was started for, to name it in logs of a refused launch. */
    public Optional<String> issuerOfLogin(String state) {
        LoginState login = state == null ? null : em.find(LoginState.class, state);
        return login == null ? Optional.empty() : platforms.byId(login.platformId()).map(Platform::issuer);
    }

    /** Forget logins that expired more than an hour ago. Returns how many rows went. */
    public int purgeExpiredLogins() {
        return em.createQuery("DELETE FROM LoginState s WHERE s.expiresAt < :cutoff")
                .setParameter("cutoff", now().minusHours(1)).executeUpdate();
    }

    /** The binding cookie of a login; a state the tool cannot have issued has none (null). */
    public static String bindingCookieName(String state) {
        if (state == null || state.length() < 16 || !state.matches("[A-Za-z0-9_-]+")) {
            return null;
        }
        return "ow_lti_" + state.substring(0, 16);
    }

    static String storageKey(String state) {
        return "ow_state_" + state;
    }

    Platform platformFor(LoginInitiation login) throws LaunchRejectedException {
        if (login.clientId() != null) {
            return platforms.find(login.issuer(), login.clientId()).orElseThrow(() ->
                    new LaunchRejectedException(LaunchRule.PLATFORM_UNKNOWN,
                            "no registration for issuer '" + login.issuer() + "' and client_id '" + login.clientId() + "'"));
        }
        List<Platform> candidates = platforms.withIssuer(login.issuer());
        if (candidates.isEmpty()) {
            throw new LaunchRejectedException(LaunchRule.PLATFORM_UNKNOWN, "no registration for issuer '" + login.issuer() + "'");
        }
        if (candidates.size() > 1) {
            // A registration still waiting for approval must not make an approved one ambiguous.
            List<Platform> approved = candidates.stream().filter(Platform::isActive).toList();
            if (approved.size() == 1) {
                return approved.get(0);
            }
            throw new LaunchRejectedException(LaunchRule.PLATFORM_AMBIGUOUS,
                    candidates.size() + " registrations share issuer '" + login.issuer() + "' and the login sent no client_id");
        }
        return candidates.get(0);
    }

    /** A platform that registered itself may have to wait for the tool administrator (WORKBENCH_REGISTRATION_APPROVAL). */
    static void requireApproved(Platform platform) throws LaunchRejectedException {
        if (!platform.isActive()) {
            throw new LaunchRejectedException(LaunchRule.PLATFORM_PENDING, "platform '" + platform.name() + "' (issuer '"
                    + platform.issuer() + "', client_id '" + platform.clientId() + "') registered itself and waits for approval");
        }
    }

    private Deployment activeDeployment(Platform platform, String deploymentId) throws LaunchRejectedException {
        Deployment deployment = platforms.deployment(platform, deploymentId).orElse(null);
        if (deployment == null) {
            if (settings.unknownDeployments() == Settings.UnknownDeployments.REJECT) {
                throw new LaunchRejectedException(LaunchRule.DEPLOYMENT_UNKNOWN,
                        "deployment '" + deploymentId + "' is not registered for " + platform.name());
            }
            platforms.recordPending(platform, deploymentId);
            throw new LaunchRejectedException(LaunchRule.DEPLOYMENT_PENDING,
                    "deployment '" + deploymentId + "' of " + platform.name() + " was recorded and waits for approval");
        }
        if (deployment.status() == DeploymentStatus.DISABLED) {
            throw new LaunchRejectedException(LaunchRule.DEPLOYMENT_DISABLED,
                    "deployment '" + deploymentId + "' of " + platform.name() + " was disabled by the tool administrator");
        }
        if (!deployment.isActive()) {
            throw new LaunchRejectedException(LaunchRule.DEPLOYMENT_PENDING,
                    "deployment '" + deploymentId + "' of " + platform.name() + " waits for approval");
        }
        return deployment;
    }

    private static boolean isBound(LoginState login, BrowserBinding browser) {
        return IdTokenVerifier.sameSecret(login.browserBinding(), browser.cookieValue())
                || IdTokenVerifier.sameSecret(login.browserBinding(), browser.storageValue());
    }

    /** Single use: of two launches racing with one state, exactly one wins. */
    private void consume(String state) throws LaunchRejectedException {
        int updated = em.createQuery("UPDATE LoginState s SET s.consumedAt = :now WHERE s.state = :state"
                        + " AND s.consumedAt IS NULL")
                .setParameter("now", now()).setParameter("state", state).executeUpdate();
        if (updated != 1) {
            throw new LaunchRejectedException(LaunchRule.STATE_UNKNOWN, "the login was already used");
        }
    }

    private boolean pointsAtThisTool(String targetLinkUri) {
        String base = settings.baseUrl();
        return targetLinkUri.equals(base) || targetLinkUri.startsWith(base + "/");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
