package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.organizingworkbench.curriculum.Field;

import java.util.List;
import java.util.StringJoiner;

/** Someone the student works with: stored as {name, relationship, notes}; only the notes keep their line breaks. */
final class PersonAnswer implements AnswerModel {

    static final PersonAnswer MODEL = new PersonAnswer();
    private static final List<String> PARTS = List.of("name", "relationship", "notes");

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        if (!raw.isObject()) {
            throw AnswerInput.invalid(field, "a person");
        }
        ObjectNode person = AnswerInput.NODES.objectNode();
        for (String part : PARTS) {
            JsonNode value = raw.get(part);
            if (value != null && !value.isNull()) {
                String text = AnswerInput.text(field, value);
                person.put(part, "notes".equals(part) ? text.strip() : AnswerInput.oneLine(text));
            }
        }
        return person;
    }

    @Override
    public JsonNode empty(Field field) {
        return AnswerInput.NODES.objectNode();
    }

    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        if (!value.isObject()) {
            return value.asText("");
        }
        StringJoiner parts = new StringJoiner(" — ");
        for (String part : PARTS) {
            String text = value.path(part).asText("");
            if (!text.isBlank()) {
                parts.add(text);
            }
        }
        return parts.toString();
    }

    /** A diagram names a person by their name alone. */
    @Override
    public String label(Field field, JsonNode value, AnswerLanguage language) {
        return value.isObject() ? value.path("name").asText("") : value.asText("");
    }

    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        return value.isObject()
                ? new PrintedAnswer.Person(value.path("name").asText(""), value.path("relationship").asText(""),
                value.path("notes").asText(""))
                : new PrintedAnswer.Person(value.asText(), "", "");
    }
}
