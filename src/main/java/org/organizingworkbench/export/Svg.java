package org.organizingworkbench.export;

/** Small helpers for SVG markup: escaping text, and the accessible name every diagram carries. */
final class Svg {

    private Svg() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped, not escaped
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** The text of an attribute value {@link #escape} wrote (and the XML entities JFreeSVG writes). */
    static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Gives an {@code <svg>} element role="img" and a title and description (its text alternative), placed first
     * inside it as assistive technology expects.
     */
    static String accessible(String svg, String id, String title, String description) {
        int open = svg.indexOf("<svg");
        int end = svg.indexOf('>', open);
        if (open < 0 || end < 0) {
            throw new IllegalArgumentException("not an svg element");
        }
        String head = svg.substring(open, end).replace(" role=\"img\"", "");
        return head + " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">"
                + "<title id=\"" + id + "-title\">" + escape(title) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + escape(description) + "</desc>"
                + svg.substring(end + 1);
    }
}
