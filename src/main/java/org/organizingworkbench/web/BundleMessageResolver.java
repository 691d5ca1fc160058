package org.organizingworkbench.web;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Resolves #{key} in templates from one bundle for the whole UI ({@code i18n/messages}), per locale. */
final class BundleMessageResolver extends AbstractMessageResolver {

    static final String BUNDLE = "i18n/messages";

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, context.getLocale(), BundleMessageResolver.class.getClassLoader())
                    .getString(key);
            return parameters == null || parameters.length == 0 ? pattern
                    : new MessageFormat(pattern, context.getLocale()).format(parameters);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return "??" + key + "??";
    }
}
