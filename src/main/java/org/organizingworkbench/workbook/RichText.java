package org.organizingworkbench.workbook;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The small rich-text subset a long answer may hold: paragraphs, line breaks, lists, emphasis and links. Whatever
 * a browser sends is passed through the OWASP Java HTML Sanitizer, so no script, style or event handler is ever
 * stored. What word processors paste is mapped onto the subset ({@code b}→{@code strong}, headings and
 * {@code div}s→paragraphs), so pasted text keeps its paragraphs.
 */
public final class RichText {

    private static final Pattern NOT_BOLD = Pattern.compile("font-weight\\s*:\\s*(normal|[1-4]00)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC = Pattern.compile("&#(\\d{1,7});");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|li)>|<br\\s*/?>");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "ul", "ol", "li", "em", "strong")
            // Google Docs wraps a whole paste in <b style="font-weight:normal">: that is not emphasis.
            .allowAttributes("style").onElements("b")
            .allowElements((name, attrs) -> {
                boolean notBold = isNotBold(attrs);
                attrs.clear();
                return notBold ? null : "strong";
            }, "b")
            .allowElements((name, attrs) -> "em", "i")
            .allowElements((name, attrs) -> {
                attrs.clear();
                return "p";
            }, "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private RichText() {
    }

    /** The stored form of what a browser sent: safe to put into any page as HTML. */
    public static String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html).strip();
    }

    /** The text without markup, one line per paragraph or list item (for word counts, comparisons and conflicts). */
    public static String plainText(String html) {
        String withBreaks = BLOCK_END.matcher(html == null ? "" : html).replaceAll("\n");
        String text = TAG.matcher(withBreaks).replaceAll("");
        return unescape(text).replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n ?", "\n").strip();
    }

    public static int words(String html) {
        String text = plainText(html);
        return text.isBlank() ? 0 : text.split("\\s+").length;
    }

    private static boolean isNotBold(List<String> attrs) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if ("style".equals(attrs.get(i).toLowerCase(Locale.ROOT)) && NOT_BOLD.matcher(attrs.get(i + 1)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The sanitiser writes only numeric references and these four named ones. */
    private static String unescape(String text) {
        String named = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ");
        return NUMERIC.matcher(named).replaceAll(m -> {
            int code = Integer.parseInt(m.group(1));
            if (code > Character.MAX_CODE_POINT) {
                return "";
            }
            return java.util.regex.Matcher.quoteReplacement(code == 160 ? " " : new String(Character.toChars(code)));
        }).replace("&amp;", "&");
    }
}
