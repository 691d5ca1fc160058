package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.organizingworkbench.curriculum.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Rows of columns: stored as an array of objects, column id → a value of that column's own type. */
final class TableAnswer implements AnswerModel {

    static final TableAnswer MODEL = new TableAnswer();

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        ArrayNode rows = AnswerInput.NODES.arrayNode();
        for (JsonNode row : AnswerInput.array(field, raw)) {
            if (!row.isObject()) {
                throw AnswerInput.invalid(field, "rows of columns");
            }
            ObjectNode cells = AnswerInput.NODES.objectNode();
            for (Field column : field.columns()) {
                JsonNode cell = row.get(column.id());
                cells.set(column.id(), AnswerValue.normalise(column, cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Override
    public JsonNode empty(Field field) {
        return AnswerInput.NODES.arrayNode();
    }

    /** One line a row: "1. Name: Ana · Hours: 3", blank cells left out. */
    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        for (JsonNode row : rows(value)) {
            StringJoiner cells = new StringJoiner(" · ", number++ + ". ", "");
            for (Field column : field.columns()) {
                String cell = AnswerModel.plainTextOf(column, row.get(column.id()), language);
                if (!cell.isBlank()) {
                    cells.add(language.text(column.label()) + ": " + cell.replace('\n', ' '));
                }
            }
            lines.add(cells.toString());
        }
        return String.join("\n", lines);
    }

    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        List<JsonNode> rows = rows(value);
        if (rows.isEmpty()) {
            return new PrintedAnswer.Unanswered();
        }
        List<String> headers = field.columns().stream().map(column -> language.text(column.label())).toList();
        List<List<PrintedAnswer>> cells = rows.stream().map(row -> field.columns().stream()
                .map(column -> AnswerModel.printedOf(column, row.get(column.id()), language)).toList()).toList();
        return new PrintedAnswer.Table(headers, cells);
    }

    /** The rows that are objects; anything else a stored answer might hold is skipped. */
    private static List<JsonNode> rows(JsonNode value) {
        List<JsonNode> rows = new ArrayList<>();
        value.forEach(row -> {
            if (row.isObject()) {
                rows.add(row);
            }
        });
        return rows;
    }
}
