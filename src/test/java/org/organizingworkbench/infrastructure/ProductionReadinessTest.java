package org.organizingworkbench.infrastructure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionReadinessTest {

    private static final String GOOD_SECRET = "p3Yd0uQ8o2d9Zr0yV6m2kq1mJg7xX8s1";

    private static ProductionReadiness ready() {
        return new ProductionReadiness("https://workbench.university.edu", false, GOOD_SECRET, GOOD_SECRET + "k", GOOD_SECRET + "d");
    }

    @Test
    @DisplayName("an https address with generated secrets starts")
    void safeSettingsStart() {
        assertEquals(List.of(), ready().problems());
        assertEquals(List.of(), new ProductionReadiness("https://w.edu", false, null, GOOD_SECRET, GOOD_SECRET).problems(),
                "no admin secret: the admin page is off, which is safe");
    }

    @Test
    @DisplayName("an http:// base URL is refused unless plain http is declared on purpose")
    void plainHttpIsRefused() {
        List<String> problems = new ProductionReadiness("http://workbench.university.edu", false, GOOD_SECRET, GOOD_SECRET, GOOD_SECRET)
                .problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("WORKBENCH_BASE_URL must be the tool's public https address"), problems.get(0));
        assertEquals(List.of(), new ProductionReadiness("http://workbench.university.edu", true, GOOD_SECRET, GOOD_SECRET, GOOD_SECRET)
                .problems());
    }

    @Test
    @DisplayName("a short admin secret, or the placeholder, is refused")
    void guessableAdminSecretsAreRefused() {
        assertTrue(new ProductionReadiness("https://w.edu", false, "secret", GOOD_SECRET, GOOD_SECRET).problems().get(0)
                .startsWith("WORKBENCH_ADMIN_SECRET is shorter than 16 characters"));
        assertTrue(new ProductionReadiness("https://w.edu", false, AdminSecret.PLACEHOLDER, GOOD_SECRET, GOOD_SECRET)
                .problems().get(0).contains("placeholder"));
        assertEquals(Optional.of(AdminSecret.Problem.TOO_SHORT), AdminSecret.problem("fifteen-chars!!"));
        assertEquals(Optional.empty(), AdminSecret.problem("sixteen-chars!!!"));
    }

    @Test
    @DisplayName("every placeholder of deploy/env.example is refused where it stands, and so is its base URL")
    void theExampleEnvironmentFileCannotStartProduction() throws IOException {
        String example = Files.readString(Path.of("deploy/env.example"));
        Matcher placeholder = Pattern.compile("(?m)^([A-Z_]+)=(replace-with-[a-z0-9-]+)$").matcher(example);
        int seen = 0;
        while (placeholder.find()) {
            seen++;
            String value = placeholder.group(2);
            assertTrue(ProductionReadiness.EXAMPLE_VALUES.contains(value), placeholder.group(1) + "=" + value + " is refused");
        }
        assertEquals(3, seen, "the database password, the key-encryption secret and the admin secret");
        Matcher base = Pattern.compile("(?m)^WORKBENCH_BASE_URL=(.+)$").matcher(example);
        assertTrue(base.find());
        List<String> problems = new ProductionReadiness(base.group(1), false, "replace-with-another-random-secret",
                "replace-with-32-random-bytes-base64", "replace-with-the-database-password").problems();
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertFalse(problems.stream().anyMatch(p -> p.contains("replace-with")), "a problem never repeats a secret");
    }

    @Test
    @DisplayName("the built-in default database password is refused too")
    void theDefaultDatabasePasswordIsRefused() {
        assertEquals(1, new ProductionReadiness("https://w.edu", false, null, GOOD_SECRET, "change-me").problems().size());
    }
}
