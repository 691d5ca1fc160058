package org.organizingworkbench.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameAncestorsTest {

    private static final Set<String> PLATFORMS = Set.of("https://moodle.university.edu", "https://sso.canvaslms.com");

    @Test
    void theAdminPageIsFramedByNobody() {
        FrameAncestors frames = new FrameAncestors(PLATFORMS, Optional.of("http://localhost:8080"));
        assertEquals("'none'", frames.directive("admin"));
        assertEquals("'none'", frames.directive("admin/dashboard"));
        assertTrue(FrameAncestors.deniesEveryFrame("admin/session"));
        assertFalse(FrameAncestors.deniesEveryFrame("administration-guide"));
    }

    @Test
    void toolPagesAreFramedByTheActivePlatformsOnly() {
        FrameAncestors production = new FrameAncestors(PLATFORMS, Optional.empty());
        String directive = production.directive("app/workbook");
        assertTrue(directive.startsWith("'self' "), directive);
        assertTrue(directive.contains("https://moodle.university.edu") && directive.contains("https://sso.canvaslms.com"));
        assertFalse(directive.contains("*"));
        assertEquals("'self'", new FrameAncestors(Set.of(), Optional.empty()).directive("lti/launch"), "no platform, no frame");
    }

    @Test
    void inDevelopmentTheEmulatorFramesTheTool() {
        FrameAncestors development = new FrameAncestors(Set.of(), Optional.of("http://localhost:8080"));
        assertEquals("'self' http://localhost:8080", development.directive("lti/launch"));
        assertEquals("'self' http://localhost:8080", development.directive("emulator/dr"));
    }

    @Test
    void theRegistrationPageMayBeFramedByTheLmsThatOpensIt() {
        assertEquals("*", new FrameAncestors(PLATFORMS, Optional.empty()).directive("lti/register"));
    }

    @Test
    void nothingButAnOriginReachesTheHeader() {
        FrameAncestors frames = new FrameAncestors(Set.of("https://ok.example", "https://x.example; script-src *", "*"), Optional.empty());
        assertEquals("'self' https://ok.example", frames.directive("app/home"));
    }
}
