package org.organizingworkbench.web.review;

import java.util.List;

/**
 * What the reviewer's page says about their last action: a notice (a message key), or a problem (a message key) with
 * the ids of the prompts it names (required prompts left empty).
 */
public record ReviewOutcome(String notice, String problem, List<String> missing) {

    static final ReviewOutcome NONE = new ReviewOutcome(null, null, List.of());

    static ReviewOutcome notice(String key) {
        return new ReviewOutcome(key, null, List.of());
    }

    static ReviewOutcome problem(String key, List<String> promptIds) {
        return new ReviewOutcome(null, key, List.copyOf(promptIds));
    }
}
