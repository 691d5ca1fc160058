package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.organizingworkbench.curriculum.Field;

/** One line: a name, a goal, a sentence. Stored as a string, line breaks folded into spaces. */
final class ShortTextAnswer implements AnswerModel {

    static final ShortTextAnswer MODEL = new ShortTextAnswer();

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        return TextNode.valueOf(AnswerInput.oneLine(AnswerInput.text(field, raw)));
    }

    @Override
    public JsonNode empty(Field field) {
        return TextNode.valueOf("");
    }

    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        return value.asText("");
    }

    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        return new PrintedAnswer.Text(plainText(field, value, language));
    }
}
