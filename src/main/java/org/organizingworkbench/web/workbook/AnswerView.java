package org.organizingworkbench.web.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.view.Moment;

/** Small questions templates ask of a stored answer value (available to them as {@code view}). */
public final class AnswerView {

    public static final AnswerView INSTANCE = new AnswerView();

    private AnswerView() {
    }

    /** A moment as pages show it: a {@code <time>} element the page's script writes in the reader's zone (markup). */
    public String when(java.time.Instant instant, java.util.Locale locale) {
        return Moment.html(instant, locale);
    }

    /** A day (a due date) as pages show it, in the same shape as moments (markup). */
    public String day(java.time.LocalDate day, java.util.Locale locale) {
        return Moment.html(day, locale);
    }

    /** The words of a long text as the page counts them (a table's cells too); 0 for anything else. */
    public int words(JsonNode value) {
        return value != null && value.isTextual() ? org.organizingworkbench.workbook.RichText.words(value.asText()) : 0;
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
