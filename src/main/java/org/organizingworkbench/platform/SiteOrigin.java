package org.organizingworkbench.platform;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin (scheme, host, port) of an http(s) address, written one way: lower case, without the scheme's default
 * port, as browsers compare origins and as a Content-Security-Policy source names one.
 */
public final class SiteOrigin {

    private SiteOrigin() {
    }

    /** The origin of an absolute http(s) URL; empty for anything else (javascript:, data:, relative, garbage). */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** An origin as an operator writes it ("https://school.instructure.com", a trailing slash allowed), nothing more. */
    public static Optional<String> parse(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        String value = origin.strip();
        String bare = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return of(bare).filter(o -> o.equalsIgnoreCase(bare) || withDefaultPort(o).equalsIgnoreCase(bare));
    }

    private static String withDefaultPort(String origin) {
        return origin + (origin.startsWith("https:") ? ":443" : ":80");
    }
}
