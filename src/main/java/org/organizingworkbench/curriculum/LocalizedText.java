package org.organizingworkbench.curriculum;

import java.util.Map;
import java.util.Optional;

/** A text in each of the curriculum's languages, keyed by language code ("en", "es"). */
public record LocalizedText(Map<String, String> texts) {

    public LocalizedText {
        texts = Map.copyOf(texts);
    }

    /** The text in {@code language}, or in {@code fallback} when there is none. */
    public String in(String language, String fallback) {
        return Optional.ofNullable(texts.get(language)).orElse(texts.get(fallback));
    }

    public Optional<String> in(String language) {
        return Optional.ofNullable(texts.get(language));
    }
}
