package org.organizingworkbench.web;

import org.organizingworkbench.launch.Session;

import java.util.Locale;

/**
 * What every page of a session carries: the session, its language, the header its htmx requests send back
 * ({@code authHeaders} in the templates) and the viewer's role ({@code role}).
 */
public record PageContext(Session session, Locale locale, String authHeaders, String role) {

    /** A page of this session whose requests carry {@code token}. */
    public static PageContext of(Session session, String token) {
        return new PageContext(session, Locales.choose(session.locale()), bearerHeaders(token), session.role().name());
    }

    /** The value of htmx's hx-headers attribute that sends the token with every request of the page. */
    public static String bearerHeaders(String token) {
        return "{\"Authorization\": \"Bearer " + token + "\"}";
    }
}
