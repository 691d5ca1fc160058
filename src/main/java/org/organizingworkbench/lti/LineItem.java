package org.organizingworkbench.lti;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A column of the platform's gradebook (AGS 2.0 §3.2). The id is the line item's URL, null until the platform
 * created it. Extensions are the fields this record does not model, sent as given: platform extensions such as
 * Canvas's {@link #CANVAS_SUBMISSION_TYPE}, and, for an item read from the platform, whatever else it sent
 * (dates, Moodle's ltiLinkId), so that an update does not drop them. Values must be JSON values (String, Number,
 * Boolean, Map, List).
 */
public record LineItem(String id, String label, double scoreMaximum, String resourceId, String tag,
                       String resourceLinkId, Map<String, Object> extensions) {

    /** Canvas: {@code {"type": "external_tool", "external_tool_url": "…"}} makes an assignment bound to the tool. */
    public static final String CANVAS_SUBMISSION_TYPE = "https://canvas.instructure.com/lti/submission_type";

    private static final Set<String> MODELLED = Set.of("id", "label", "scoreMaximum", "resourceId", "tag", "resourceLinkId");

    public LineItem {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("AGS 2.0 §3.2: a line item needs a label");
        }
        if (!Double.isFinite(scoreMaximum) || scoreMaximum < 0) {
            throw new IllegalArgumentException("AGS 2.0 §3.2: scoreMaximum must be a number ≥ 0, not " + scoreMaximum);
        }
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static LineItem of(String label, double scoreMaximum) {
        return new LineItem(null, label, scoreMaximum, null, null, null, Map.of());
    }

    public LineItem withLabel(String newLabel) {
        return new LineItem(id, newLabel, scoreMaximum, resourceId, tag, resourceLinkId, extensions);
    }

    public LineItem withScoreMaximum(double newScoreMaximum) {
        return new LineItem(id, label, newScoreMaximum, resourceId, tag, resourceLinkId, extensions);
    }

    public LineItem withResourceId(String newResourceId) {
        return new LineItem(id, label, scoreMaximum, newResourceId, tag, resourceLinkId, extensions);
    }

    public LineItem withTag(String newTag) {
        return new LineItem(id, label, scoreMaximum, resourceId, newTag, resourceLinkId, extensions);
    }

    public LineItem withResourceLinkId(String newResourceLinkId) {
        return new LineItem(id, label, scoreMaximum, resourceId, tag, newResourceLinkId, extensions);
    }

    public LineItem withExtension(String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(extensions);
        changed.put(name, value);
        return new LineItem(id, label, scoreMaximum, resourceId, tag, resourceLinkId, changed);
    }

    /** AGS 2.0 §3.2: when submissions for the line item are due; a field this record keeps as an extension. */
    public static final String END_DATE_TIME = "endDateTime";

    /** The line item's endDateTime, if the platform keeps one and it reads as an ISO-8601 date-time. */
    public Optional<Instant> endDateTime() {
        if (!(extensions.get(END_DATE_TIME) instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The same line item due at the given time; null removes the due date. */
    public LineItem withEndDateTime(Instant end) {
        Map<String, Object> changed = new LinkedHashMap<>(extensions);
        if (end == null) {
            changed.remove(END_DATE_TIME);
        } else {
            changed.put(END_DATE_TIME, dateTimeText(end));
        }
        return new LineItem(id, label, scoreMaximum, resourceId, tag, resourceLinkId, changed);
    }

    /** A date-time as LTI writes it: ISO-8601 UTC with "Z", e.g. 2027-03-02T11:59:59Z. */
    public static String dateTimeText(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfPresent(json, "id", id);
        json.put("label", label);
        json.put("scoreMaximum", JsonFields.jsonNumber(scoreMaximum));
        putIfPresent(json, "resourceId", resourceId);
        putIfPresent(json, "tag", tag);
        putIfPresent(json, "resourceLinkId", resourceLinkId);
        extensions.forEach(json::putIfAbsent);
        return json;
    }

    /** @throws IllegalArgumentException when label or scoreMaximum is missing */
    static LineItem fromJson(Map<String, Object> json) {
        Double maximum = JsonFields.number(json, "scoreMaximum");
        if (maximum == null) {
            throw new IllegalArgumentException("AGS 2.0 §3.2: line item " + JsonFields.text(json, "id")
                    + " has no numeric scoreMaximum");
        }
        return new LineItem(JsonFields.text(json, "id"), JsonFields.text(json, "label"), maximum,
                JsonFields.text(json, "resourceId"), JsonFields.text(json, "tag"),
                JsonFields.text(json, "resourceLinkId"), JsonFields.others(json, MODELLED));
    }

    private static void putIfPresent(Map<String, Object> json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
