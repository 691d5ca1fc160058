package org.organizingworkbench.view;

import jakarta.enterprise.context.ApplicationScoped;
import org.organizingworkbench.privacy.PersonName;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Server-rendered pages: Thymeleaf templates under {@code templates/}, texts from {@code i18n/messages*.properties}. */
@ApplicationScoped
public class Templates {

    private final TemplateEngine engine;

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessageResolver());
    }

    /** A UI text outside a template (e.g. in a JSON answer), formatted with its arguments. */
    public String message(String key, Locale locale, Object... arguments) {
        String pattern = BundleMessageResolver.pattern(key, locale);
        if (pattern == null) {
            return key;
        }
        return unnamedWorded(arguments.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale).format(arguments),
                locale);
    }

    /**
     * A page whose model is a record (a typed page model): each of its components is a template variable of the same
     * name, so the compiler checks what a page gets and the template reads it as before.
     */
    public String render(String template, Locale locale, Record page) {
        return render(template, locale, variablesOf(page));
    }

    static Map<String, Object> variablesOf(Record page) {
        Map<String, Object> variables = new java.util.HashMap<>();
        for (java.lang.reflect.RecordComponent component : page.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                variables.put(component.getName(), accessor.invoke(page));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("page model " + page.getClass().getSimpleName() + "." + component.getName(), e);
            }
        }
        return variables;
    }

    /**
     * A page made of parts: a frame every page of an area shares (who reads whose work, where links point), then the
     * page's own model and any parts it shares with another page. Every record's components become template
     * variables; a later part's component replaces an earlier one of the same name.
     */
    public String render(String template, Locale locale, Record frame, Record... parts) {
        return render(template, locale, variablesOf(frame, parts));
    }

    /** One {@code th:fragment} of a page made of parts. */
    public String renderFragment(String template, String fragment, Locale locale, Record frame, Record... parts) {
        return renderFragment(template, fragment, locale, variablesOf(frame, parts));
    }

    private static Map<String, Object> variablesOf(Record frame, Record... parts) {
        Map<String, Object> variables = variablesOf(frame);
        for (Record part : parts) {
            variables.putAll(variablesOf(part));
        }
        return variables;
    }

    /** One {@code th:fragment} of a template alone, e.g. the part of a page another page loads into itself. */
    public String renderFragment(String template, String fragment, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        context.setVariable("lang", locale.getLanguage());
        return engine.process(new TemplateSpec(template, Set.of(fragment), TemplateMode.HTML, null), context);
    }

    public String render(String template, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        context.setVariable("lang", locale.getLanguage());
        return unnamedWorded(engine.process(template, context), locale);
    }

    /** People the LMS sent no name for reach pages as a neutral label's code: worded here in the page's language. */
    public static String unnamedWorded(String text, Locale locale) {
        String pattern = BundleMessageResolver.pattern("person.unnamed", locale);
        return PersonName.worded(text, pattern == null ? "{0}" : pattern);
    }
}
