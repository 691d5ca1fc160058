package org.organizingworkbench.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the production profile refuses to start with: an address that is not https (unless the operator says plain
 * http is meant), an admin secret that can be guessed or read in the repository, and the example values of
 * deploy/env.example. Each problem names the setting and what to do, so the operator fixes all of them at once.
 *
 * @param baseUrl            WORKBENCH_BASE_URL
 * @param httpAllowed        WORKBENCH_ALLOW_HTTP_BASE_URL
 * @param adminSecret        WORKBENCH_ADMIN_SECRET, or null when the admin page is off
 * @param keyEncryptionSecret WORKBENCH_KEY_ENCRYPTION_SECRET, or null
 * @param databasePassword   DB_PASSWORD
 */
public record ProductionReadiness(String baseUrl, boolean httpAllowed, String adminSecret, String keyEncryptionSecret,
                                  String databasePassword) {

    /** Values printed in deploy/env.example and the built-in default password: known to everyone. */
    static final Set<String> EXAMPLE_VALUES = Set.of(AdminSecret.PLACEHOLDER, "replace-with-32-random-bytes-base64",
            "replace-with-the-database-password", "change-me");
    static final String EXAMPLE_BASE_URL = "https://workbench.example.edu";

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String url = baseUrl == null ? "" : baseUrl.strip();
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://") && !httpAllowed) {
            problems.add("WORKBENCH_BASE_URL must be the tool's public https address (it is '" + url + "'); platforms,"
                    + " the launch cookie and the session tokens need https. Set WORKBENCH_ALLOW_HTTP_BASE_URL=true only"
                    + " if browsers and LMSs really reach the tool over plain http.");
        }
        if (url.replaceAll("/+$", "").equalsIgnoreCase(EXAMPLE_BASE_URL)) {
            problems.add("WORKBENCH_BASE_URL is the example from deploy/env.example: set the tool's own address.");
        }
        if (adminSecret != null && !adminSecret.isBlank()) {
            AdminSecret.problem(adminSecret).ifPresent(problem -> problems.add(problem == AdminSecret.Problem.TOO_SHORT
                    ? "WORKBENCH_ADMIN_SECRET is shorter than " + AdminSecret.MINIMUM_LENGTH
                            + " characters: generate one with 'openssl rand -base64 32', or leave it unset to turn the admin page off."
                    : "WORKBENCH_ADMIN_SECRET is the placeholder from deploy/env.example: generate a secret."));
        }
        if (isExample(keyEncryptionSecret)) {
            problems.add("WORKBENCH_KEY_ENCRYPTION_SECRET is the placeholder from deploy/env.example: generate a secret"
                    + " (on a database that already has keys, see docs/operations.md first).");
        }
        if (isExample(databasePassword)) {
            problems.add("DB_PASSWORD is an example value: give the database user a generated password.");
        }
        return problems;
    }

    private static boolean isExample(String value) {
        return value != null && EXAMPLE_VALUES.contains(value.strip());
    }
}
