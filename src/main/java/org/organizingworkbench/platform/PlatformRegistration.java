package org.organizingworkbench.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What an admin (or a declarations file) says about a platform, checked before anything is stored.
 *
 * @param deploymentIds deployments to register as active with it; more can come later
 * @param siteOrigins   where the platform shows the tool besides its issuer's and authentication endpoint's
 *                      origins (a Canvas account's host): they may frame the tool and receive Deep Linking responses
 */
public record PlatformRegistration(String name, String issuer, String clientId, String authUrl, String tokenUrl,
                                   String jwksUrl, List<String> deploymentIds, List<String> siteOrigins) {

    /** At most this many site origins, which must fit their column (V15) together. */
    static final int MAX_SITE_ORIGINS = 10;

    public PlatformRegistration {
        // A null entry (e.g. from a declarations file) becomes blank, so problems() reports it instead of a crash.
        deploymentIds = deploymentIds == null ? List.of()
                : deploymentIds.stream().map(d -> d == null ? "" : d).toList();
        siteOrigins = siteOrigins == null ? List.of() : siteOrigins.stream().map(o -> o == null ? "" : o).toList();
    }

    public PlatformRegistration(String name, String issuer, String clientId, String authUrl, String tokenUrl,
                                String jwksUrl, List<String> deploymentIds) {
        this(name, issuer, clientId, authUrl, tokenUrl, jwksUrl, deploymentIds, List.of());
    }

    /** The problems with this registration, as message keys with the field they concern; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        // Lengths are the columns' (V1): a platform that registers itself may send anything.
        if (isBlank(name) || name.length() > 255) {
            problems.add("name");
        }
        if (isBlank(issuer) || issuer.length() > 255) {
            problems.add("issuer");
        }
        if (isBlank(clientId) || clientId.length() > 255) {
            problems.add("clientId");
        }
        for (var url : List.of(new String[]{"authUrl", authUrl}, new String[]{"tokenUrl", tokenUrl},
                new String[]{"jwksUrl", jwksUrl})) {
            if (!isHttpUrl(url[1]) || url[1].length() > 1024) {
                problems.add(url[0]);
            }
        }
        if (deploymentIds.stream().anyMatch(d -> isBlank(d) || d.length() > 255)) {
            problems.add("deploymentIds");
        }
        if (siteOrigins.size() > MAX_SITE_ORIGINS || siteOrigins.stream().anyMatch(o -> SiteOrigin.parse(o).isEmpty())) {
            problems.add("siteOrigins");
        }
        return problems;
    }

    private static boolean isHttpUrl(String value) {
        if (isBlank(value)) {
            return false;
        }
        try {
            URI uri = URI.create(value.trim());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
