package org.organizingworkbench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.FieldType;

/**
 * The names of the people a student met one-to-one are the student's notes about third parties: staff see them only
 * where the course allows it ({@link CoursePrivacy#staffSeeMetNames}). Elsewhere the name of each person in the
 * one-to-one log (the curriculum's {@code one-to-one-log} exercise, and copies of it) is replaced by a placeholder;
 * what the student wrote about the meeting stays readable.
 */
public final class MetPeople {

    static final String LOG_EXERCISE = "one-to-one-log";

    private MetPeople() {
    }

    /** Whether the exercise is a one-to-one log (its id, or the id of a copy of it). */
    public static boolean namesPeopleMet(Exercise exercise) {
        return exercise.id().equals(LOG_EXERCISE) || exercise.id().startsWith(LOG_EXERCISE + "-");
    }

    /** The field's value with every person's name replaced by the placeholder; other values as they are. */
    public static JsonNode hidden(Field field, JsonNode value, String placeholder) {
        if (value == null) {
            return null;
        }
        if (field.type() == FieldType.PERSON) {
            return person(value, placeholder);
        }
        if (field.type() == FieldType.TABLE && value.isArray()) {
            ArrayNode rows = value.deepCopy();
            for (JsonNode row : rows) {
                if (row instanceof ObjectNode cells) {
                    field.columns().stream().filter(c -> c.type() == FieldType.PERSON && cells.has(c.id()))
                            .forEach(c -> cells.set(c.id(), person(cells.get(c.id()), placeholder)));
                }
            }
            return rows;
        }
        return value;
    }

    private static JsonNode person(JsonNode value, String placeholder) {
        if (!(value instanceof ObjectNode person) || person.path("name").asText("").isBlank()) {
            return value;
        }
        ObjectNode copy = person.deepCopy();
        copy.put("name", placeholder);
        return copy;
    }
}
