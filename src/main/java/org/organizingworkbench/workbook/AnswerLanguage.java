package org.organizingworkbench.workbook;

import org.organizingworkbench.curriculum.LocalizedText;

import java.time.LocalDate;

/**
 * How answers are put into words for a reader: curriculum labels in their language, and numbers and dates as that
 * language writes them. The export's document language is one; {@link #comparing} is the one history and
 * conflicts use, which keeps numbers and dates as stored so that two versions compare on what the student wrote.
 */
public interface AnswerLanguage {

    String text(LocalizedText text);

    String number(double value);

    String date(LocalDate date);

    static AnswerLanguage comparing(String language, String fallback) {
        return new AnswerLanguage() {
            @Override
            public String text(LocalizedText text) {
                return text == null ? "" : text.in(language, fallback);
            }

            @Override
            public String number(double value) {
                return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                        : Double.toString(value);
            }

            @Override
            public String date(LocalDate date) {
                return date.toString();
            }
        };
    }
}
