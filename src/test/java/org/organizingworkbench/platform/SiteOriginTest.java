package org.organizingworkbench.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteOriginTest {

    @Test
    void anOriginIsSchemeHostAndPortWrittenOneWay() {
        assertEquals(Optional.of("https://lms.example.edu"), SiteOrigin.of("HTTPS://LMS.example.edu:443/mod/lti/auth.php?x=1"));
        assertEquals(Optional.of("http://127.0.0.1:8081"), SiteOrigin.of("http://127.0.0.1:8081"));
        assertEquals(Optional.empty(), SiteOrigin.of("javascript:alert(1)"));
        assertEquals(Optional.empty(), SiteOrigin.of("data:text/html,x"));
        assertEquals(Optional.empty(), SiteOrigin.of("/relative"));
        assertEquals(Optional.empty(), SiteOrigin.of("https://user:pw@lms.example.edu/"));
    }

    @Test
    void anOperatorWritesAnOriginAndNothingMore() {
        assertEquals(Optional.of("https://school.instructure.com"), SiteOrigin.parse("https://school.instructure.com/"));
        assertEquals(Optional.of("https://school.instructure.com"), SiteOrigin.parse("https://school.instructure.com:443"));
        assertEquals(Optional.empty(), SiteOrigin.parse("https://school.instructure.com/courses"));
        assertEquals(Optional.empty(), SiteOrigin.parse("school.instructure.com"));
    }

    @Test
    void aPlatformShowsTheToolOnItsIssuersAndAuthenticationSitesAndThoseItRegistered() {
        Platform canvas = new Platform(new PlatformRegistration("Canvas", "https://canvas.instructure.com", "10000000000001",
                "https://sso.canvaslms.com/api/lti/authorize_redirect", "https://sso.canvaslms.com/login/oauth2/token",
                "https://sso.canvaslms.com/api/lti/security/jwks", List.of("1"), List.of("https://school.instructure.com/")));
        assertEquals(Set.of("https://canvas.instructure.com", "https://sso.canvaslms.com", "https://school.instructure.com"),
                canvas.siteOrigins());
        assertTrue(canvas.acceptsReturnUrl("https://school.instructure.com/courses/1/deep_linking_response?modal=true"));
        assertFalse(canvas.acceptsReturnUrl("https://evil.example/collect"));
        assertFalse(canvas.acceptsReturnUrl("javascript:alert(document.domain)"));
        assertFalse(canvas.acceptsReturnUrl("http://school.instructure.com/courses/1"), "another scheme is another origin");
    }

    @Test
    void aRegistrationWithSomethingElseThanOriginsIsInvalid() {
        PlatformRegistration bad = new PlatformRegistration("Canvas", "https://canvas.instructure.com", "1",
                "https://sso.canvaslms.com/a", "https://sso.canvaslms.com/t", "https://sso.canvaslms.com/j", List.of(),
                List.of("https://school.instructure.com/courses", "javascript:alert(1)"));
        assertEquals(List.of("siteOrigins"), bad.problems());
    }
}
