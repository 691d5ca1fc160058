package org.organizingworkbench.web.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small questions the review templates ask (available to them as {@code view}). */
public final class ReviewView {

    public static final ReviewView INSTANCE = new ReviewView();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private ReviewView() {
    }

    public String when(Instant instant) {
        return instant == null ? "" : instant.atOffset(ZoneOffset.UTC).format(WHEN);
    }

    /** The words of a prompt's long answer as the shared field fragment counts them. */
    public int words(JsonNode value) {
        return value != null && value.isTextual() ? org.organizingworkbench.workbook.RichText.words(value.asText()) : 0;
    }

    /** Whether a rubric answer is this level. */
    public boolean chosen(JsonNode value, String option) {
        return value != null && option.equals(value.asText());
    }
}
