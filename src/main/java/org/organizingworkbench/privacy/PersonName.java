package org.organizingworkbench.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person is named on pages: the name the LMS sent, or, when its privacy settings send none, a neutral label
 * ("Participant 4f2a9c") made from a stable hash of the platform and subject, so staff can still tell people apart.
 * The label travels as {@link #UNNAMED} followed by the code, and {@code view.Templates} words it in the page's
 * language. Queries name a person with {@link #SQL}; code that holds a person row uses {@link #shown}.
 */
public final class PersonName {

    /** U+2060 WORD JOINER: invisible, and never part of a name the tool stores (stripped on the way in). */
    public static final char UNNAMED = '\u2060';

    /** A person row aliased {@code p}: its name, or the label's marker and code. */
    public static final String SQL = "COALESCE(NULLIF(TRIM(p.name), ''),"
            + " CONCAT(_utf8mb4 X'E281A0', LEFT(SHA2(CONCAT(p.platform_id, ':', p.subject), 256), 6)))";

    private static final Pattern LABEL = Pattern.compile(UNNAMED + "([0-9a-f]{6})");

    private PersonName() {
    }

    /** The name as shown: the given one, or the neutral label of the platform's subject. */
    public static String shown(String name, long platformId, String subject) {
        String kept = kept(name);
        return kept != null ? kept : UNNAMED + code(platformId, subject);
    }

    /** A name as the tool keeps it: trimmed, without the label marker, null when empty. */
    public static String kept(String name) {
        if (name == null) {
            return null;
        }
        String cleaned = name.replace(String.valueOf(UNNAMED), "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The first six hex digits of SHA-256("platformId:subject"), as {@link #SQL} computes them. */
    public static String code(long platformId, String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((platformId + ":" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a shown name is a neutral label rather than a name. */
    public static boolean isLabel(String shown) {
        return shown != null && LABEL.matcher(shown).matches();
    }

    /** The text with every neutral label worded by {@code pattern}, where {0} is the code (e.g. "Participant {0}"). */
    public static String worded(String text, String pattern) {
        if (text == null || text.indexOf(UNNAMED) < 0) {
            return text;
        }
        Matcher matcher = LABEL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(pattern.replace("{0}", matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
