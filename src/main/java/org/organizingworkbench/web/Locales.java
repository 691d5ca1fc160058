package org.organizingworkbench.web;

import java.util.List;
import java.util.Locale;

/** The UI languages, and how a request's wish (launch locale, Accept-Language) picks one. */
public final class Locales {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    private Locales() {
    }

    /** @param wish an LTI locale ("es-MX") or an Accept-Language header; null gives English */
    public static Locale choose(String wish) {
        if (wish == null || wish.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(wish.replace('_', '-'));
            Locale match = Locale.lookup(ranges, SUPPORTED);
            return match != null ? match : Locale.ENGLISH;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }
}
