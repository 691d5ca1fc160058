package org.organizingworkbench.web;

/**
 * Page {@code session-ended}: the session token is missing or expired; {@code admin} when it was the administrator's,
 * who signs in again at /admin (members relaunch from their course).
 */
public record SessionEnded(boolean admin) {
}
