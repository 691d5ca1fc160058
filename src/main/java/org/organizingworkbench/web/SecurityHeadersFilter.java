package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.platform.PlatformOrigins;

import java.io.IOException;
import java.util.Optional;

/**
 * Headers on every answer, the container's own error answers included: scripts, styles and images only from the
 * tool itself; framing as {@link FrameAncestors} decides; nothing cached but the static files (a resource may say
 * otherwise, e.g. the JWKS). Set before the request goes on, so a refusal made anywhere later carries them too.
 */
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    Settings settings;

    @Inject
    PlatformOrigins platformOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(RequestPath.of(request), response);
        chain.doFilter(request, response);
    }

    void apply(String path, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith("static/")) {
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        FrameAncestors frames = new FrameAncestors(platformOrigins.ofActivePlatforms(),
                settings.isDevelopment() ? Optional.of(settings.emulatorOrigin()) : Optional.empty());
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; form-action *; frame-src *; frame-ancestors " + frames.directive(path)
                + "; base-uri 'none'; object-src 'none'");
        if (FrameAncestors.deniesEveryFrame(path)) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }
}
