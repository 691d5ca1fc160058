package org.organizingworkbench.web.workbook;

import com.fasterxml.jackson.databind.JsonNode;

/** Small questions templates ask of a stored answer value (available to them as {@code view}). */
public final class AnswerView {

    public static final AnswerView INSTANCE = new AnswerView();

    private AnswerView() {
    }

    /** A moment as pages show it (UTC, to the minute). */
    public String when(java.time.Instant instant) {
        return WorkbookPages.when(instant);
    }

    /** Whether a choice answer (one value, or an array of them) includes the option. */
    public boolean chosen(JsonNode value, String option) {
        if (value == null) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (option.equals(item.asText())) {
                    return true;
                }
            }
            return false;
        }
        return option.equals(value.asText());
    }
}
