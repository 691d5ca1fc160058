package org.organizingworkbench.web;

import java.util.List;

/**
 * How large a request body each endpoint takes: enough for what it is for (a launch form, a save, a registration),
 * no more. Checked before the body is read ({@link BodyLimitFilter}); an endpoint not named here gets the default.
 */
final class RequestBodyLimit {

    static final long KIB = 1024;
    /** A launch form: the id_token (at most {@code IdTokenVerifier.MAX_TOKEN_LENGTH}), state and Platform Storage fields. */
    static final long LAUNCH = 128 * KIB;
    /** One autosave: a long text of up to 250,000 characters as JSON in UTF-8. */
    static final long AUTOSAVE = 1024 * KIB;
    static final long DEFAULT = 16 * KIB;

    private record Rule(String method, String pattern, long bytes) {
        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matches(pattern);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("POST", "lti/launch", LAUNCH),
            new Rule(null, "lti/login", 32 * KIB),
            new Rule("POST", "admin/session", 4 * KIB),
            // A course's archive (docs/privacy.md), read only after the admin token is checked.
            new Rule("POST", "admin/privacy/import", 64 * 1024 * KIB),
            new Rule(null, "admin(/.*)?", 16 * KIB),
            new Rule("PUT", "app/workbook/exercises/[^/]+/fields/[^/]+", AUTOSAVE),
            new Rule(null, "app/curriculum(/.*)?", 256 * KIB),
            new Rule(null, "app/sections/[^/]+/members", 256 * KIB),
            new Rule(null, "app(/.*)?", 64 * KIB),
            new Rule("POST", "export/workbook\\.pdf", 8 * KIB),
            new Rule(null, "emulator(/.*)?", 1024 * KIB));

    private RequestBodyLimit() {
    }

    /** @param path the decoded path under the application, without its leading slash */
    static long of(String method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).mapToLong(Rule::bytes).findFirst().orElse(DEFAULT);
    }

    /** "128 KiB", "1 MiB": how the refusal states the limit. */
    static String shown(long bytes) {
        return bytes >= 1024 * KIB && bytes % (1024 * KIB) == 0 ? bytes / (1024 * KIB) + " MiB"
                : bytes % KIB == 0 ? bytes / KIB + " KiB" : bytes + " bytes";
    }
}
