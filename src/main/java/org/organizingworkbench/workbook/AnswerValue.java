package org.organizingworkbench.workbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.organizingworkbench.curriculum.Field;


/**
 * The stored shape of an answer to a field, by its type: shortText a string; longText a string of sanitised HTML
 * ({@link RichText}); list an array of strings; table an array of objects, column id → a value of the column's
 * type; person an object {name, relationship, notes}; date "YYYY-MM-DD" (or ""); number a number (or null);
 * choice an option value, or an array of them when the field allows several.
 *
 * <p>{@link #normalise} turns what a browser sent into that shape (each type's {@link AnswerModel}), or refuses it. It never refuses for being
 * incomplete or over a word limit: a draft may be anything, only its shape and size are checked.
 */
public final class AnswerValue {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any exercise (a long text of ~40,000 words); it stops abuse, not students. */
    static final int MAX_TEXT = AnswerInput.MAX_TEXT;

    private AnswerValue() {
    }

    public static JsonNode normalise(Field field, JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return empty(field);
        }
        return AnswerModel.of(field).normalise(field, raw);
    }

    /** The value of a field nobody has written in yet. */
    public static JsonNode empty(Field field) {
        return AnswerModel.of(field).empty(field);
    }

    /** Whether the student has written anything in it. */
    public static boolean isBlank(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isTextual()) {
            return RichText.plainText(value.asText()).isBlank();
        }
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                if (!isBlank(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    public static JsonNode parse(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not JSON", e);
        }
    }

    public static String write(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a stored value holds, if it holds a finite one (a number field, or a cell a chart reads). */
    public static java.util.Optional<Double> number(JsonNode value) {
        return NumberAnswer.number(value);
    }

    /** The day a stored value names, if it names one (a date field, or a cell a timeline reads). */
    public static java.util.Optional<java.time.LocalDate> day(JsonNode value) {
        return DateAnswer.day(value);
    }
}
