package org.organizingworkbench.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What an admin (or a declarations file) says about a platform, checked before anything is stored.
 *
 * @param deploymentIds deployments to register as active with it; more can come later
 */
public record PlatformRegistration(String name, String issuer, String clientId, String authUrl, String tokenUrl,
                                   String jwksUrl, List<String> deploymentIds) {

    public PlatformRegistration {
        // A null entry (e.g. from a declarations file) becomes blank, so problems() reports it instead of a crash.
        deploymentIds = deploymentIds == null ? List.of()
                : deploymentIds.stream().map(d -> d == null ? "" : d).toList();
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
