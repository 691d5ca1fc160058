package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.organizingworkbench.curriculum.Field;

/** Reading what a browser sent for a field: the checks of shape and size every answer model shares. */
final class AnswerInput {

    /** Far above any exercise (a long text of ~40,000 words); it stops abuse, not students. */
    static final int MAX_TEXT = 250_000;
    static final int MAX_ITEMS = 500;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerInput() {
    }

    static String text(Field field, JsonNode raw) {
        if (!raw.isTextual()) {
            throw invalid(field, "a text");
        }
        String text = raw.asText();
        if (text.length() > MAX_TEXT) {
            throw new InvalidAnswerException("answer.tooLong", field.id());
        }
        return text;
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static JsonNode array(Field field, JsonNode raw) {
        if (!raw.isArray()) {
            throw invalid(field, "a list");
        }
        if (raw.size() > MAX_ITEMS) {
            throw new InvalidAnswerException("answer.tooMany", field.id());
        }
        return raw;
    }

    static InvalidAnswerException invalid(Field field, String expected) {
        return new InvalidAnswerException("answer.wrongShape", field.id() + " expects " + expected);
    }
}
