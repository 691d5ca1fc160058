package org.organizingworkbench.launch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.LaunchRejectedException;
import org.organizingworkbench.lti.LaunchRule;
import org.organizingworkbench.lti.LoginInitiation;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistration;
import org.organizingworkbench.platform.PlatformRegistry;
import org.organizingworkbench.platform.PlatformStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logins from a platform that registered itself and waits for approval (WORKBENCH_REGISTRATION_APPROVAL=admin). */
class LaunchServiceTest {

    private static final String ISS = "https://moodle.example.edu";

    @Test
    @DisplayName("a login from a platform waiting for approval is refused with PLATFORM_PENDING")
    void pendingPlatformCannotLogIn() {
        Platform pending = platform("client-1", PlatformStatus.PENDING);
        LaunchService service = service(List.of(pending));
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class, () -> service.login(login("client-1")));
        assertEquals(LaunchRule.PLATFORM_PENDING, e.rule());
        assertTrue(e.detail().contains("client-1") && e.detail().contains(ISS), e.detail());
    }

    @Test
    @DisplayName("without client_id, a pending registration of the same issuer does not make the approved one ambiguous")
    void pendingRegistrationDoesNotMakeAnIssuerAmbiguous() throws Exception {
        Platform active = platform("client-1", PlatformStatus.ACTIVE);
        Platform pending = platform("client-2", PlatformStatus.PENDING);
        assertSame(active, service(List.of(pending, active)).platformFor(login(null)));
        Platform other = platform("client-3", PlatformStatus.ACTIVE);
        assertEquals(LaunchRule.PLATFORM_AMBIGUOUS, assertThrows(LaunchRejectedException.class,
                () -> service(List.of(active, other)).platformFor(login(null))).rule());
    }

    @Test
    @DisplayName("an issuer with only a pending registration names PLATFORM_PENDING, not PLATFORM_UNKNOWN")
    void onlyPendingRegistration() throws Exception {
        Platform pending = platform("client-2", PlatformStatus.PENDING);
        LaunchService service = service(List.of(pending));
        assertSame(pending, service.platformFor(login(null)));
        assertEquals(LaunchRule.PLATFORM_PENDING, assertThrows(LaunchRejectedException.class,
                () -> service.login(login(null))).rule());
    }

    private static Platform platform(String clientId, PlatformStatus status) {
        return new Platform(new PlatformRegistration("Moodle", ISS, clientId, ISS + "/mod/lti/auth.php",
                ISS + "/mod/lti/token.php", ISS + "/mod/lti/certs.php", List.of("1")), status);
    }

    private static LoginInitiation login(String clientId) throws LaunchRejectedException {
        Map<String, String> parameters = new java.util.HashMap<>(Map.of("iss", ISS, "login_hint", "2",
                "target_link_uri", "https://workbench.example.edu/"));
        if (clientId != null) {
            parameters.put("client_id", clientId);
        }
        return LoginInitiation.from(parameters::get);
    }

    private static LaunchService service(List<Platform> platforms) {
        LaunchService service = new LaunchService();
        service.clock = java.time.Clock.systemUTC();
        service.platforms = new PlatformRegistry() {
            @Override
            public Optional<Platform> find(String issuer, String clientId) {
                return platforms.stream().filter(p -> p.issuer().equals(issuer) && p.clientId().equals(clientId)).findFirst();
            }

            @Override
            public List<Platform> withIssuer(String issuer) {
                return platforms.stream().filter(p -> p.issuer().equals(issuer)).toList();
            }
        };
        return service;
    }
}
