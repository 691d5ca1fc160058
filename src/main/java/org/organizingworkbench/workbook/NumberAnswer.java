package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.curriculum.Field;

import java.util.Optional;

/**
 * A number, with the field's optional unit and target: stored as a JSON number (a whole number without ".0"), or
 * null when not given. A comma is read as a decimal point, as many languages write it.
 */
final class NumberAnswer implements AnswerModel {

    static final NumberAnswer MODEL = new NumberAnswer();

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        if (raw.isNumber() && Double.isFinite(raw.asDouble())) {
            return raw;
        }
        if (raw.isTextual() && raw.asText().isBlank()) {
            return empty(field);
        }
        return number(raw).map(NumberAnswer::node).orElseThrow(() -> AnswerInput.invalid(field, "a number"));
    }

    @Override
    public JsonNode empty(Field field) {
        return AnswerInput.NODES.nullNode();
    }

    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        return number(value).map(language::number).orElse(value.asText(""));
    }

    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        return new PrintedAnswer.Number(plainText(field, value, language),
                field.unit() == null ? "" : language.text(field.unit()),
                field.target() == null ? "" : language.number(field.target()));
    }

    /** The number a stored (or sent) value holds, if it holds a finite one. */
    static Optional<Double> number(JsonNode value) {
        if (value != null && value.isNumber()) {
            return Double.isFinite(value.asDouble()) ? Optional.of(value.asDouble()) : Optional.empty();
        }
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            double number = Double.parseDouble(value.asText().strip().replace(',', '.'));
            return Double.isFinite(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JsonNode node(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? AnswerInput.NODES.numberNode((long) value) : AnswerInput.NODES.numberNode(value);
    }
}
