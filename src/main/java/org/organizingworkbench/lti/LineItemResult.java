package org.organizingworkbench.lti;

import java.time.Instant;
import java.util.Map;

/**
 * A user's current result on a line item (AGS 2.0 §3.3). resultScore is null when the platform holds no grade;
 * timestamp is null when absent or unreadable (Moodle writes "+00:00" without fraction, Canvas "Z" with one).
 */
public record LineItemResult(String id, String userId, Double resultScore, Double resultMaximum, String comment,
                             String scoreOf, Instant timestamp) {

    static LineItemResult fromJson(Map<String, Object> json) {
        return new LineItemResult(JsonFields.text(json, "id"), JsonFields.text(json, "userId"),
                JsonFields.number(json, "resultScore"), JsonFields.number(json, "resultMaximum"),
                JsonFields.text(json, "comment"), JsonFields.text(json, "scoreOf"), JsonFields.instant(json, "timestamp"));
    }
}
