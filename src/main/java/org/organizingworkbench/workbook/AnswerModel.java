package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.curriculum.Field;

/**
 * Everything the tool does with an answer that depends on its field's type, in one place per type: the stored shape
 * of what a browser sent ({@link #normalise}, refusing a wrong shape, never an incomplete draft), the value of a field
 * nobody wrote in, its plain text (one line per paragraph, item or row: what history compares and a conflict shows),
 * a short label (what a diagram writes) and how it is printed. The workbook, its history, the export and peer review
 * all ask this model, so a new field type is one new class and one line in {@link #of}.
 */
public sealed interface AnswerModel permits ShortTextAnswer, LongTextAnswer, ListAnswer, TableAnswer, PersonAnswer,
        DateAnswer, NumberAnswer, ChoiceAnswer {

    static AnswerModel of(Field field) {
        return switch (field.type()) {
            case SHORT_TEXT -> ShortTextAnswer.MODEL;
            case LONG_TEXT -> LongTextAnswer.MODEL;
            case LIST -> ListAnswer.MODEL;
            case TABLE -> TableAnswer.MODEL;
            case PERSON -> PersonAnswer.MODEL;
            case DATE -> DateAnswer.MODEL;
            case NUMBER -> NumberAnswer.MODEL;
            case CHOICE -> ChoiceAnswer.MODEL;
        };
    }

    /**
     * The stored form of what a browser sent, or {@link InvalidAnswerException} for a wrong shape. {@code raw} is
     * present and not JSON null: {@link AnswerValue#normalise} answers those with {@link #empty}.
     */
    JsonNode normalise(Field field, JsonNode raw);

    /** The value of a field nobody has written in yet. */
    JsonNode empty(Field field);

    /** The answer as plain text; empty when blank. */
    String plainText(Field field, JsonNode value, AnswerLanguage language);

    /** The answer as a diagram labels it: its plain text unless a type has a shorter name for itself. */
    default String label(Field field, JsonNode value, AnswerLanguage language) {
        return plainText(field, value, language);
    }

    /** How a reader sees the answer on paper (the print view and the PDF). */
    PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language);

    /** Plain text of any field, {@code ""} when nothing was written. */
    static String plainTextOf(Field field, JsonNode value, AnswerLanguage language) {
        return AnswerValue.isBlank(value) ? "" : of(field).plainText(field, value, language);
    }

    /** The label of any field's answer, {@code ""} when nothing was written. */
    static String labelOf(Field field, JsonNode value, AnswerLanguage language) {
        return AnswerValue.isBlank(value) ? "" : of(field).label(field, value, language);
    }

    /** The printed form of any field, {@link PrintedAnswer.Unanswered} when nothing was written. */
    static PrintedAnswer printedOf(Field field, JsonNode value, AnswerLanguage language) {
        return AnswerValue.isBlank(value) ? new PrintedAnswer.Unanswered() : of(field).printed(field, value, language);
    }
}
