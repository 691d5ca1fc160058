package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.curriculum.ChoiceOption;
import org.organizingworkbench.curriculum.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An answer as plain text, one line per paragraph, item or row: what two versions are compared on (history) and
 * what a conflict shows side by side. Labels come from the curriculum in the reader's language.
 */
public final class AnswerText {

    private AnswerText() {
    }

    public static String of(Field field, JsonNode value, String language, String fallback) {
        if (AnswerValue.isBlank(value)) {
            return "";
        }
        return switch (field.type()) {
            case LONG_TEXT -> RichText.plainText(value.asText());
            case LIST -> String.join("\n", items(value));
            case TABLE -> table(field, value, language, fallback);
            case PERSON -> person(value);
            case CHOICE -> choice(field, value, language, fallback);
            case NUMBER -> number(value);
            default -> value.asText();
        };
    }

    private static List<String> items(JsonNode value) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add("• " + item.asText()));
        return items;
    }

    private static String table(Field field, JsonNode rows, String language, String fallback) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        for (JsonNode row : rows) {
            StringJoiner cells = new StringJoiner(" · ", number++ + ". ", "");
            for (Field column : field.columns()) {
                String cell = of(column, row.get(column.id()), language, fallback);
                if (!cell.isBlank()) {
                    cells.add(column.label().in(language, fallback) + ": " + cell.replace('\n', ' '));
                }
            }
            lines.add(cells.toString());
        }
        return String.join("\n", lines);
    }

    private static String person(JsonNode value) {
        StringJoiner parts = new StringJoiner(" — ");
        for (String part : List.of("name", "relationship", "notes")) {
            String text = value.path(part).asText("");
            if (!text.isBlank()) {
                parts.add(text);
            }
        }
        return parts.toString();
    }

    private static String choice(Field field, JsonNode value, String language, String fallback) {
        List<String> labels = new ArrayList<>();
        for (JsonNode chosen : value.isArray() ? value : List.of(value)) {
            field.options().stream().filter(o -> o.value().equals(chosen.asText())).findFirst()
                    .map(ChoiceOption::label).ifPresent(label -> labels.add(label.in(language, fallback)));
        }
        return String.join(", ", labels);
    }

    private static String number(JsonNode value) {
        return value.isIntegralNumber() ? Long.toString(value.asLong()) : value.asText();
    }
}
