package org.organizingworkbench.web;

import org.organizingworkbench.web.launch.RegistrationResource;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.LaunchRule;
import org.organizingworkbench.lti.RegistrationFailure;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.organizingworkbench.view.BundleMessageResolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UI speaks English and Spanish completely: same keys, same placeholders, every refused-launch rule explained. */
class MessagesTest {

    private static final ResourceBundle EN = ResourceBundle.getBundle(BundleMessageResolver.BUNDLE, Locale.ENGLISH);
    private static final ResourceBundle ES = ResourceBundle.getBundle(BundleMessageResolver.BUNDLE, Locale.forLanguageTag("es"));

    @Test
    void everyAreaBundleIsCompleteInSpanishAndNoKeyIsInTwoBundles() {
        Set<String> seen = new TreeSet<>();
        for (String name : BundleMessageResolver.BUNDLES) {
            ResourceBundle en = ResourceBundle.getBundle(name, Locale.ENGLISH);
            ResourceBundle es = ResourceBundle.getBundle(name, Locale.forLanguageTag("es"));
            assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(es.keySet()), name);
            assertEquals("es", es.getLocale().getLanguage(), name + ": the Spanish bundle exists");
            for (String key : en.keySet()) {
                assertTrue(seen.add(key), key + " is in two bundles");
                assertEquals(placeholders(en.getString(key)), placeholders(es.getString(key)), name + " " + key);
            }
        }
    }

    @Test
    void spanishHasEveryKeyOfEnglishAndNoOther() {
        assertEquals(new TreeSet<>(EN.keySet()), new TreeSet<>(ES.keySet()));
        assertEquals("es", ES.getLocale().getLanguage(), "the Spanish bundle exists and is not the English fallback");
    }

    @Test
    void translationsKeepThePlaceholders() {
        for (String key : EN.keySet()) {
            assertEquals(placeholders(EN.getString(key)), placeholders(ES.getString(key)), key);
        }
    }

    @Test
    void everyLaunchRuleSaysWhatWentWrongAndWhatToCheckInBothLanguages() {
        for (LaunchRule rule : LaunchRule.values()) {
            for (ResourceBundle bundle : new ResourceBundle[]{EN, ES}) {
                assertFalse(bundle.getString("rule." + rule + ".what").isBlank(), rule + " what");
                assertFalse(bundle.getString("rule." + rule + ".fix").isBlank(), rule + " fix");
            }
        }
    }

    @Test
    void everyRegistrationFailureSaysWhatWentWrongAndWhatToCheckInBothLanguages() {
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (RegistrationFailure failure : RegistrationFailure.values()) {
            failures.add(failure.name());
        }
        failures.add(RegistrationResource.CONFLICT);
        for (String failure : failures) {
            for (ResourceBundle bundle : new ResourceBundle[]{EN, ES}) {
                assertFalse(bundle.getString("registration." + failure + ".what").isBlank(), failure + " what");
                assertFalse(bundle.getString("registration." + failure + ".fix").isBlank(), failure + " fix");
            }
        }
    }

    @Test
    void countsReadNaturally() {
        assertEquals("In this course: one student, no Teaching Fellows, 2 instructors.",
                new MessageFormat(EN.getString("roster.summary"), Locale.ENGLISH).format(new Object[]{1, 0, 2}));
        assertTrue(new MessageFormat(ES.getString("roster.summary"), Locale.forLanguageTag("es"))
                .format(new Object[]{12, 1, 1}).contains("12 estudiantes, un tutor de sección, un docente"));
    }

    @Test
    void launchLocalesChooseASupportedLanguage() {
        assertEquals("es", Locales.choose("es-MX").getLanguage());
        assertEquals("es", Locales.choose("es_AR").getLanguage());
        assertEquals("en", Locales.choose("fr-FR").getLanguage());
        assertEquals("en", Locales.choose(null).getLanguage());
        assertEquals("es", Locales.choose("de;q=0.9, es;q=0.8").getLanguage());
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d)").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
