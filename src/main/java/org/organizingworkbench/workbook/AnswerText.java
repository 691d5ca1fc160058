package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.curriculum.Field;

/**
 * An answer as plain text, one line per paragraph, item or row: what two versions are compared on (history) and
 * what a conflict shows side by side. Labels come from the curriculum in the reader's language; numbers and dates
 * stay as stored ({@link AnswerLanguage#comparing}).
 */
public final class AnswerText {

    private AnswerText() {
    }

    public static String of(Field field, JsonNode value, String language, String fallback) {
        return AnswerModel.plainTextOf(field, value, AnswerLanguage.comparing(language, fallback));
    }
}
