package org.organizingworkbench.platform;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.DynamicRegistrationException;
import org.organizingworkbench.lti.FakeRegistrationPlatform;
import org.organizingworkbench.lti.OpenIdConfiguration;
import org.organizingworkbench.lti.RegistrationFailure;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform registering itself, from the configuration fetch to what is stored, against a fake platform on loopback.
 * The approval policy is tested here: the integration tests run the development profile, where it is always auto.
 */
class DynamicRegistrationsTest {

    private FakeRegistrationPlatform lms;
    private PlatformRegistration stored;
    private PlatformStatus storedStatus;

    @AfterEach
    void stop() {
        if (lms != null) {
            lms.close();
        }
    }

    @Test
    @DisplayName("approval admin: the new platform is stored PENDING and the outcome says it waits")
    void adminApprovalLeavesThePlatformPending() throws Exception {
        lms = new FakeRegistrationPlatform("moodle");
        lms.deploymentId = "1";
        DynamicRegistrations.Outcome outcome = service(Settings.RegistrationApproval.ADMIN)
                .register(lms.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        assertEquals(PlatformStatus.PENDING, storedStatus);
        assertTrue(outcome.pendingApproval());
        assertFalse(outcome.platform().isActive());
        assertEquals("moodle", outcome.productFamily());
        assertEquals("1", outcome.deploymentId());
    }

    @Test
    @DisplayName("approval auto: the new platform is ACTIVE at once")
    void autoApprovalActivates() throws Exception {
        lms = new FakeRegistrationPlatform("canvas");
        DynamicRegistrations.Outcome outcome = service(Settings.RegistrationApproval.AUTO)
                .register(lms.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        assertEquals(PlatformStatus.ACTIVE, storedStatus);
        assertFalse(outcome.pendingApproval());
        assertTrue(outcome.platform().isActive());
    }

    @Test
    @DisplayName("the platform is stored with the configuration's issuer and endpoints, the issued client_id and deployment")
    void whatIsStored() throws Exception {
        lms = new FakeRegistrationPlatform("moodle");
        lms.deploymentId = "7";
        service(Settings.RegistrationApproval.AUTO).register(lms.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        assertEquals(lms.origin(), stored.issuer());
        assertEquals("client-moodle", stored.clientId());
        assertEquals(lms.origin() + "/auth", stored.authUrl());
        assertEquals(lms.origin() + "/token", stored.tokenUrl());
        assertEquals(lms.origin() + "/jwks", stored.jwksUrl());
        assertEquals(List.of("7"), stored.deploymentIds());
        assertEquals("Moodle (" + lms.origin().substring("http://".length()) + ")", stored.name());
        assertEquals(List.of(), stored.problems());
    }

    @Test
    @DisplayName("the tool registers its own login, launch and keys URLs under the base URL")
    void toolUrls() throws Exception {
        lms = new FakeRegistrationPlatform("canvas");
        service(Settings.RegistrationApproval.AUTO).register(lms.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        Map<String, Object> body = JSONObjectUtils.parse(lms.last("/register").body());
        assertEquals("https://workbench.example.edu/lti/login", body.get("initiate_login_uri"));
        assertEquals(List.of("https://workbench.example.edu/lti/launch"), body.get("redirect_uris"));
        assertEquals("https://workbench.example.edu/.well-known/jwks.json", body.get("jwks_uri"));
    }

    @Test
    @DisplayName("nothing is stored when a step with the platform fails")
    void failureStoresNothing() {
        lms = new FakeRegistrationPlatform("moodle");
        lms.issuerOverride = "https://elsewhere.example";
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                () -> service(Settings.RegistrationApproval.AUTO).register(lms.configurationUrl(), FakeRegistrationPlatform.TOKEN));
        assertEquals(RegistrationFailure.ISSUER_MISMATCH, e.failure());
        assertEquals(null, stored);
    }

    @Test
    @DisplayName("values the tool cannot store are reported as an invalid registration, not a server error")
    void unstorableValues() {
        lms = new FakeRegistrationPlatform("moodle");
        lms.registrationBody = "{\"client_id\":\"" + "c".repeat(300) + "\"}";
        DynamicRegistrations service = service(Settings.RegistrationApproval.AUTO);
        service.registry = new PlatformRegistry() {
            @Override
            public SelfRegistration registerSelf(PlatformRegistration registration, PlatformStatus status) {
                throw new InvalidRegistrationException(registration.problems());
            }
        };
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                () -> service.register(lms.configurationUrl(), FakeRegistrationPlatform.TOKEN));
        assertEquals(RegistrationFailure.REGISTRATION_INVALID, e.failure());
        assertTrue(e.detail().contains("clientId"), e.detail());
    }

    @Test
    @DisplayName("the platform's name says what and where: Canvas's account, or the issuer's host and path")
    void names() {
        assertEquals("Canvas (Test University)", DynamicRegistrations.name(configuration("https://canvas.instructure.com", "canvas", "Test University")));
        assertEquals("Moodle (lms.example.edu/moodle)", DynamicRegistrations.name(configuration("https://lms.example.edu/moodle", "moodle", null)));
        assertEquals("LMS (lms.example.edu:8443)", DynamicRegistrations.name(configuration("https://lms.example.edu:8443", null, null)));
    }

    private static OpenIdConfiguration configuration(String issuer, String family, String account) {
        return new OpenIdConfiguration(issuer, issuer + "/auth", issuer + "/token", issuer + "/jwks", issuer + "/register",
                List.of(), family, null, List.of(), account);
    }

    private DynamicRegistrations service(Settings.RegistrationApproval approval) {
        DynamicRegistrations service = new DynamicRegistrations();
        service.settings = new Settings() {
            @Override
            public String baseUrl() {
                return "https://workbench.example.edu";
            }

            @Override
            public RegistrationApproval registrationApproval() {
                return approval;
            }

            @Override
            public String userAgent() {
                return "OrganizingWorkbench/test";
            }
        };
        service.registry = new PlatformRegistry() {
            @Override
            public SelfRegistration registerSelf(PlatformRegistration registration, PlatformStatus status) {
                stored = registration;
                storedStatus = status;
                return new SelfRegistration(new Platform(registration, status), false);
            }
        };
        service.init();
        return service;
    }
}
