package org.organizingworkbench.lti;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Edits service URLs by their parts, never by appending to the whole string: Moodle's line item URLs carry a query
 * ({@code …/lineitem?type_id=1}), so {@code /scores} belongs in the path, before the query (hypothesis/lms #3913).
 */
final class ServiceUrl {

    private ServiceUrl() {
    }

    /** @throws IllegalArgumentException when the URL is not an absolute hierarchical URL */
    static String withPathSegment(String url, String segment) {
        URI uri = absolute(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return rebuild(uri, (path.endsWith("/") ? path : path + "/") + segment, uri.getRawQuery());
    }

    /** Adds the non-null parameters to the query the URL already has. */
    static String withQueryParameters(String url, Map<String, String> parameters) {
        URI uri = absolute(url);
        String added = parameters.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        if (added.isEmpty()) {
            return url;
        }
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? added : uri.getRawQuery() + "&" + added;
        return rebuild(uri, uri.getRawPath(), query);
    }

    private static URI absolute(String url) {
        URI uri = URI.create(url);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        return uri;
    }

    private static String rebuild(URI uri, String rawPath, String rawQuery) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (rawPath == null ? "" : rawPath)
                + (rawQuery == null ? "" : "?" + rawQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
