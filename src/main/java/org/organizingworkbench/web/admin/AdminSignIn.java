package org.organizingworkbench.web.admin;

/**
 * The administrator's sign-in page ({@code admin}): whether sign-in is possible at all, why not (a secret too short or
 * missing), and whether the last try failed or was throttled.
 */
record AdminSignIn(boolean enabled, boolean failed, boolean throttled, String secretProblem, int secretMinimum) {
}
