package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.organizingworkbench.curriculum.Field;

/** Paragraphs: stored as HTML of the small subset {@link RichText} allows, sanitised on the way in and out. */
final class LongTextAnswer implements AnswerModel {

    static final LongTextAnswer MODEL = new LongTextAnswer();

    @Override
    public JsonNode normalise(Field field, JsonNode raw) {
        return TextNode.valueOf(RichText.sanitise(AnswerInput.text(field, raw)));
    }

    @Override
    public JsonNode empty(Field field) {
        return TextNode.valueOf("");
    }

    @Override
    public String plainText(Field field, JsonNode value, AnswerLanguage language) {
        return RichText.plainText(value.asText(""));
    }

    /** Sanitised again: a document stays whole even if a stored answer was written some other way. */
    @Override
    public PrintedAnswer printed(Field field, JsonNode value, AnswerLanguage language) {
        return new PrintedAnswer.Html(RichText.sanitise(value.asText("")));
    }
}
