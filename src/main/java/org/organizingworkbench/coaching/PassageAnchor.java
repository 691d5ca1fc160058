package org.organizingworkbench.coaching;

import java.util.Optional;

/**
 * Where a commented passage is in a text, found again by its quoted words. Texts and quotes are compared with their
 * whitespace collapsed ({@link #normal}), and offsets count characters of that form, so a paragraph break typed or
 * selected differently does not lose a passage. The quote at its old place is the passage; else its occurrence
 * nearest the old place (the student wrote before it); else it is gone, and the comment refers to an earlier version.
 */
public final class PassageAnchor {

    private PassageAnchor() {
    }

    /** A passage found: its offsets in the normal form of the text, and whether it moved. */
    public record Span(int start, int end, boolean moved) {
    }

    public static Optional<Span> locate(String text, String quote, int start) {
        return locateInNormal(normal(text), quote, start);
    }

    /** As {@link #locate}, in a text already in {@link #normal} form (many passages of one text). */
    public static Optional<Span> locateInNormal(String normalText, String quote, int start) {
        String normalQuote = normal(quote);
        if (normalQuote.isEmpty()) {
            return Optional.empty();
        }
        if (normalText.startsWith(normalQuote, Math.max(0, start)) && start >= 0) {
            return Optional.of(new Span(start, start + normalQuote.length(), false));
        }
        int best = -1;
        for (int at = normalText.indexOf(normalQuote); at >= 0; at = normalText.indexOf(normalQuote, at + 1)) {
            if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) {
                best = at;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Span(best, best + normalQuote.length(), true));
    }

    /** The text with every run of whitespace as one space, trimmed. */
    public static String normal(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
