package org.organizingworkbench.web.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** Small questions the review templates ask (available to them as {@code view}). */
public final class ReviewView {

    public static final ReviewView INSTANCE = new ReviewView();

    private ReviewView() {
    }

    /** A moment as every page shows it: a {@code <time>} element the page's script writes in the reader's zone. */
    public String when(Instant instant, java.util.Locale locale) {
        return instant == null ? "" : org.organizingworkbench.view.Moment.html(instant, locale);
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
