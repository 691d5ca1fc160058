package org.organizingworkbench.export;

import org.organizingworkbench.curriculum.LocalizedText;
import org.organizingworkbench.view.Moment;
import org.organizingworkbench.workbook.AnswerLanguage;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The language a document is written in: curriculum texts in it (or the curriculum's first language), the export
 * area's own words from {@code i18n/export*.properties}, and dates and numbers as that language writes them.
 */
record DocumentLanguage(Locale locale, String fallback) implements AnswerLanguage {

    static final String BUNDLE = "i18n/export";

    @Override
    public String text(LocalizedText text) {
        return text == null ? "" : text.in(locale.getLanguage(), fallback);
    }

    String message(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, DocumentLanguage.class.getClassLoader()).getString(key);
        return new MessageFormat(pattern, locale).format(arguments);
    }

    @Override
    public String date(LocalDate date) {
        return Moment.day(date, locale);
    }

    @Override
    public String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
