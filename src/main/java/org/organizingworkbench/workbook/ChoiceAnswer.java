package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.organizingworkbench.curriculum.ChoiceOption;
import org.organizingworkbench.curriculum.Field;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One of the listed options (stored as its value, "" when none), or several when the field allows it (an array of
 * values, each once). Written with the options' labels in the reader's language.
 */
final class ChoiceAnswer implements AnswerModel {

    static final ChoiceAnswer MODEL = new ChoiceAnswer();

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        Set<String> allowed = new HashSet<>();
        field.options().forEach(option -> allowed.add(option.value()));
        if (field.multiple()) {
            ArrayNode chosen = AnswerInput.NODES.arrayNode();
            Set<String> seen = new HashSet<>();
            for (JsonNode item : AnswerInput.array(field, raw)) {
                String value = item.asText();
                if (!allowed.contains(value)) {
                    throw AnswerInput.invalid(field, "one of its options");
                }
                if (seen.add(value)) {
                    chosen.add(value);
                }
            }
            return chosen;
        }
        String value = raw.isTextual() ? raw.asText() : "";
        if (!value.isEmpty() && !allowed.contains(value)) {
            throw AnswerInput.invalid(field, "one of its options");
        }
        return TextNode.valueOf(value);
    }

    @Override
    public JsonNode empty(Field field) {
        return field.multiple() ? AnswerInput.NODES.arrayNode() : TextNode.valueOf("");
    }

    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        return String.join(", ", labels(field, value, language));
    }

    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        return field.multiple() || value.isArray() ? new PrintedAnswer.Items(labels(field, value, language))
                : new PrintedAnswer.Text(plainText(field, value, language));
    }

    /** The chosen options' labels; a value no longer among the options is shown as it was stored. */
    private static List<String> labels(Field field, JsonNode value, AnswerLanguage language) {
        List<String> labels = new ArrayList<>();
        for (JsonNode chosen : value.isArray() ? value : List.of(value)) {
            String v = chosen.asText("");
            if (!v.isBlank()) {
                labels.add(field.options().stream().filter(option -> v.equals(option.value())).findFirst()
                        .map(ChoiceOption::label).map(language::text).orElse(v));
            }
        }
        return labels;
    }
}
