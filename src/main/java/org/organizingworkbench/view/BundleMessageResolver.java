package org.organizingworkbench.view;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Resolves #{key} in templates, per locale, from the UI's bundles: one per area of the product, so that each area's
 * texts (and their translations) live together. A key belongs to exactly one bundle ({@code MessagesTest}).
 */
public final class BundleMessageResolver extends AbstractMessageResolver {

    public static final String BUNDLE = "i18n/messages";
    public static final List<String> BUNDLES = List.of(BUNDLE, "i18n/workbook", "i18n/curriculum-editor", "i18n/export",
            "i18n/sections", "i18n/people", "i18n/privacy", "i18n/hardening", "i18n/lms", "i18n/coaching",
            "i18n/review");

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        String pattern = pattern(key, context.getLocale());
        if (pattern == null) {
            return null;
        }
        return parameters == null || parameters.length == 0 ? pattern
                : new MessageFormat(pattern, context.getLocale()).format(parameters);
    }

    /** A message without parameters, for answers that are not pages (JSON); the key itself when it is missing. */
    public static String message(String key, Locale locale) {
        String pattern = pattern(key, locale);
        return pattern == null ? key : pattern;
    }

    static String pattern(String key, Locale locale) {
        for (String bundle : BUNDLES) {
            try {
                return ResourceBundle.getBundle(bundle, locale, BundleMessageResolver.class.getClassLoader()).getString(key);
            } catch (MissingResourceException e) {
                // not in this area's bundle
            }
        }
        return null;
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return "??" + key + "??";
    }
}
