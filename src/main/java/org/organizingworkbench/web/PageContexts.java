package org.organizingworkbench.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.launch.SessionTokens;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place a page gets its {@link PageContext}: the session token is minted here, once per request and
 * session, however many parts of the page ask.
 */
@RequestScoped
public class PageContexts {

    @Inject
    SessionTokens tokens;

    private final Map<Session, PageContext> made = new HashMap<>();

    public PageContext of(Session session) {
        return made.computeIfAbsent(session, s -> PageContext.of(s, tokens.issue(s)));
    }
}
