package org.organizingworkbench.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may show a page of the tool in a frame (CSP {@code frame-ancestors}). The tool is made to live in its LMS's
 * frame, so its pages may be framed by the sites of the active platforms and nobody else; the admin page by
 * nobody (its Approve and Rotate buttons must not be clickable through someone else's page); in development the
 * emulator's pages and the tool by the emulator. The registration page may be framed by any site: an LMS opens it
 * in a frame before it is a platform (Canvas from an account's own host, which no setting names), the registration
 * happens when the page is requested with a valid registration token, and the page itself offers nothing to click
 * but Done.
 *
 * @param platformOrigins the origins of every active platform
 * @param emulatorOrigin  the emulator's origin, in the development profile only
 */
record FrameAncestors(Set<String> platformOrigins, Optional<String> emulatorOrigin) {

    /** @param path the decoded path under the application, without its leading slash */
    String directive(String path) {
        if (isUnder(path, "admin")) {
            return "'none'";
        }
        if (isUnder(path, "lti/register")) {
            return "*";
        }
        if (isUnder(path, "emulator") && emulatorOrigin.isPresent()) {
            return sources(List.of(), true);
        }
        return sources(platformOrigins, true);
    }

    /** The admin page must not render in a frame in browsers that know only the older header either. */
    static boolean deniesEveryFrame(String path) {
        return isUnder(path, "admin");
    }

    private String sources(Collection<String> origins, boolean self) {
        Set<String> sources = new LinkedHashSet<>();
        if (self) {
            sources.add("'self'");
        }
        emulatorOrigin.ifPresent(sources::add);
        origins.stream().filter(FrameAncestors::isSource).forEach(sources::add);
        return sources.isEmpty() ? "'none'" : String.join(" ", sources);
    }

    /** Only an origin can go into the header: nothing that could end the directive or add another. */
    private static boolean isSource(String origin) {
        return origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+");
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
