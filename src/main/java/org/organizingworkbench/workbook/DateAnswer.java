package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.organizingworkbench.curriculum.Field;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A day: stored as "YYYY-MM-DD", or "" when not given; written as the reader's language writes days. */
final class DateAnswer implements AnswerModel {

    static final DateAnswer MODEL = new DateAnswer();

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        String text = AnswerInput.text(field, raw).strip();
        if (text.isEmpty()) {
            return empty(field);
        }
        return day(TextNode.valueOf(text)).map(day -> (JsonNode) TextNode.valueOf(day.toString()))
                .orElseThrow(() -> AnswerInput.invalid(field, "a date YYYY-MM-DD"));
    }

    @Override
    public JsonNode empty(Field field) {
        return TextNode.valueOf("");
    }

    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        return day(value).map(language::date).orElse(value.asText(""));
    }

    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        return new PrintedAnswer.Text(plainText(field, value, language));
    }

    /** The day a stored (or sent) value names, if it names one. */
    static Optional<LocalDate> day(JsonNode value) {
        try {
            return value != null && value.isTextual() ? Optional.of(LocalDate.parse(value.asText().trim()))
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
