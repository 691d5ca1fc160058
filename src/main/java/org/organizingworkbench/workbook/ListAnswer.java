package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.organizingworkbench.curriculum.Field;

import java.util.ArrayList;
import java.util.List;

/** A list of short texts: stored as an array of strings. */
final class ListAnswer implements AnswerModel {

    static final ListAnswer MODEL = new ListAnswer();

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        ArrayNode items = AnswerInput.NODES.arrayNode();
        for (JsonNode item : AnswerInput.array(field, raw)) {
            items.add(AnswerInput.oneLine(AnswerInput.text(field, item)));
        }
        return items;
    }

    @Override
    public JsonNode empty(Field field) {
        return AnswerInput.NODES.arrayNode();
    }

    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        return String.join("\n", items(value).stream().map(item -> "• " + item).toList());
    }

    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        return new PrintedAnswer.Items(items(value));
    }

    private static List<String> items(JsonNode value) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            if (!item.asText("").isBlank()) {
                items.add(item.asText());
            }
        }
        return items;
    }
}
