package org.organizingworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.organizingworkbench.curriculum.ChoiceOption;
import org.organizingworkbench.curriculum.Field;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** A student's answer to one field as plain text, and a table answer as rows of cells; lenient about shapes. */
final class AnswerText {

    private AnswerText() {
    }

    static boolean isAnswered(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode()
                && !(value.isTextual() && value.asText().isBlank())
                && !(value.isContainerNode() && value.isEmpty());
    }

    /** The answer as one line of text; empty when there is none. */
    static String plain(Field field, JsonNode value, DocumentLanguage language) {
        if (!isAnswered(value)) {
            return "";
        }
        return switch (field.type()) {
            case LONG_TEXT -> Jsoup.parse(value.asText()).text();
            case PERSON -> value.isObject() ? value.path("name").asText("") : value.asText("");
            case CHOICE -> String.join(", ", choiceLabels(field, value, language));
            case NUMBER -> number(value).map(language::number).orElse(value.asText());
            case DATE -> date(value).map(language::date).orElse(value.asText());
            case LIST, TABLE -> StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining("; "));
            default -> value.asText("");
        };
    }

    static List<String> choiceLabels(Field field, JsonNode value, DocumentLanguage language) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(item.asText()));
        } else {
            values.add(value.asText());
        }
        return values.stream().filter(v -> !v.isBlank()).map(v -> field.options().stream()
                .filter(option -> v.equals(option.value())).findFirst().map(ChoiceOption::label)
                .map(language::text).orElse(v)).toList();
    }

    static Optional<Double> number(JsonNode value) {
        if (value != null && value.isNumber()) {
            return Optional.of(value.asDouble());
        }
        try {
            return value == null || !value.isTextual() ? Optional.empty() : Optional.of(Double.parseDouble(value.asText().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(JsonNode value) {
        try {
            return value != null && value.isTextual() ? Optional.of(LocalDate.parse(value.asText().trim())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A table answer's rows, each cell by column id; rows that are not objects are skipped. */
    static List<Map<String, JsonNode>> rows(JsonNode table) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        if (table != null && table.isArray()) {
            for (JsonNode row : table) {
                if (row.isObject()) {
                    Map<String, JsonNode> cells = new LinkedHashMap<>();
                    row.fields().forEachRemaining(cell -> cells.put(cell.getKey(), cell.getValue()));
                    rows.add(cells);
                }
            }
        }
        return rows;
    }
}
