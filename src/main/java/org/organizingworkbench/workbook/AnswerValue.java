package org.organizingworkbench.workbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.organizingworkbench.curriculum.ChoiceOption;
import org.organizingworkbench.curriculum.Field;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stored shape of an answer to a field, by its type: shortText a string; longText a string of sanitised HTML
 * ({@link RichText}); list an array of strings; table an array of objects, column id → a value of the column's
 * type; person an object {name, relationship, notes}; date "YYYY-MM-DD" (or ""); number a number (or null);
 * choice an option value, or an array of them when the field allows several.
 *
 * <p>{@link #normalise} turns what a browser sent into that shape, or refuses it. It never refuses for being
 * incomplete or over a word limit: a draft may be anything, only its shape and size are checked.
 */
public final class AnswerValue {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any exercise (a long text of ~40,000 words); it stops abuse, not students. */
    static final int MAX_TEXT = 250_000;
    static final int MAX_ITEMS = 500;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerValue() {
    }

    public static JsonNode normalise(Field field, JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return empty(field);
        }
        return switch (field.type()) {
            case SHORT_TEXT -> TextNode.valueOf(oneLine(text(field, raw)));
            case LONG_TEXT -> TextNode.valueOf(RichText.sanitise(text(field, raw)));
            case LIST -> list(field, raw);
            case TABLE -> table(field, raw);
            case PERSON -> person(field, raw);
            case DATE -> date(field, raw);
            case NUMBER -> number(field, raw);
            case CHOICE -> choice(field, raw);
        };
    }

    /** The value of a field nobody has written in yet. */
    public static JsonNode empty(Field field) {
        return switch (field.type()) {
            case LIST, TABLE -> NODES.arrayNode();
            case PERSON -> NODES.objectNode();
            case NUMBER -> NODES.nullNode();
            case CHOICE -> field.multiple() ? NODES.arrayNode() : TextNode.valueOf("");
            default -> TextNode.valueOf("");
        };
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

    private static String text(Field field, JsonNode raw) {
        if (!raw.isTextual()) {
            throw invalid(field, "a text");
        }
        String text = raw.asText();
        if (text.length() > MAX_TEXT) {
            throw new InvalidAnswerException("answer.tooLong", field.id());
        }
        return text;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static ArrayNode list(Field field, JsonNode raw) {
        ArrayNode items = NODES.arrayNode();
        for (JsonNode item : array(field, raw)) {
            items.add(oneLine(text(field, item)));
        }
        return items;
    }

    private static ArrayNode table(Field field, JsonNode raw) {
        ArrayNode rows = NODES.arrayNode();
        for (JsonNode row : array(field, raw)) {
            if (!row.isObject()) {
                throw invalid(field, "rows of columns");
            }
            ObjectNode cells = NODES.objectNode();
            for (Field column : field.columns()) {
                JsonNode cell = row.get(column.id());
                cells.set(column.id(), normalise(column, cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static ObjectNode person(Field field, JsonNode raw) {
        if (!raw.isObject()) {
            throw invalid(field, "a person");
        }
        ObjectNode person = NODES.objectNode();
        for (String part : List.of("name", "relationship", "notes")) {
            JsonNode value = raw.get(part);
            if (value != null && !value.isNull()) {
                String text = text(field, value);
                person.put(part, "notes".equals(part) ? text.strip() : oneLine(text));
            }
        }
        return person;
    }

    private static JsonNode date(Field field, JsonNode raw) {
        String text = text(field, raw).strip();
        if (text.isEmpty()) {
            return TextNode.valueOf("");
        }
        try {
            return TextNode.valueOf(LocalDate.parse(text).toString());
        } catch (DateTimeParseException e) {
            throw invalid(field, "a date YYYY-MM-DD");
        }
    }

    private static JsonNode number(Field field, JsonNode raw) {
        if (raw.isNumber() && Double.isFinite(raw.asDouble())) {
            return raw;
        }
        if (raw.isTextual()) {
            String text = raw.asText().strip().replace(',', '.');
            if (text.isEmpty()) {
                return NODES.nullNode();
            }
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    return value == Math.rint(value) && Math.abs(value) < 1e15
                            ? NODES.numberNode((long) value) : NODES.numberNode(value);
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw invalid(field, "a number");
    }

    private static JsonNode choice(Field field, JsonNode raw) {
        Set<String> allowed = new HashSet<>();
        for (ChoiceOption option : field.options()) {
            allowed.add(option.value());
        }
        if (field.multiple()) {
            ArrayNode chosen = NODES.arrayNode();
            Set<String> seen = new HashSet<>();
            for (JsonNode item : array(field, raw)) {
                String value = item.asText();
                if (!allowed.contains(value)) {
                    throw invalid(field, "one of its options");
                }
                if (seen.add(value)) {
                    chosen.add(value);
                }
            }
            return chosen;
        }
        String value = raw.isTextual() ? raw.asText() : "";
        if (!value.isEmpty() && !allowed.contains(value)) {
            throw invalid(field, "one of its options");
        }
        return TextNode.valueOf(value);
    }

    private static JsonNode array(Field field, JsonNode raw) {
        if (!raw.isArray()) {
            throw invalid(field, "a list");
        }
        if (raw.size() > MAX_ITEMS) {
            throw new InvalidAnswerException("answer.tooMany", field.id());
        }
        return raw;
    }

    private static InvalidAnswerException invalid(Field field, String expected) {
        return new InvalidAnswerException("answer.wrongShape", field.id() + " expects " + expected);
    }
}
