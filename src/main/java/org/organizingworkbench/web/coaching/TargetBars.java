package org.organizingworkbench.web.coaching;

import java.util.List;
import java.util.Locale;

/**
 * A tiny bar chart of campaign numbers against their targets, as inline SVG for the dashboard: per measure a pale
 * bar as long as the target, a dark bar as long as the number reached, and a mark where the target ends. Only
 * presentation attributes, never a style attribute (the page's content security policy refuses inline styles), and
 * no student text inside: the words are the list the SVG is labelled by ({@code aria-labelledby}).
 */
final class TargetBars {

    static final int WIDTH = 120;
    static final int ROW = 12;
    static final int BAR = 8;

    /** One bar: the target, and what was reached (null when not known yet). */
    record Measure(String label, double target, Double reached) {
    }

    private TargetBars() {
    }

    /** @param labelledBy the id of the element that says in words what the chart shows */
    static String svg(List<Measure> measures, String labelledBy) {
        double scale = measures.stream().mapToDouble(m -> Math.max(m.target(), m.reached() == null ? 0 : m.reached()))
                .max().orElse(0);
        int height = Math.max(ROW, measures.size() * ROW);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"target-bars\" role=\"img\"")
                .append(" aria-labelledby=\"").append(labelledBy).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\">");
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            int y = i * ROW;
            double target = length(m.target(), scale);
            svg.append(rect("target", 0, y, target, BAR, "#c8d1dc", m.target()));
            if (m.reached() != null) {
                svg.append(rect("reached", 0, y + 2, length(m.reached(), scale), BAR - 4, "#1d4f91", m.reached()));
            }
            svg.append("<line x1=\"").append(number(target)).append("\" x2=\"").append(number(target))
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y + BAR)
                    .append("\" stroke=\"#1b1f24\" stroke-width=\"1.5\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** How long a bar for {@code value} is when {@code scale} fills the width. */
    static double length(double value, double scale) {
        return scale <= 0 ? 0 : Math.max(0, Math.min(WIDTH, value / scale * WIDTH));
    }

    private static String rect(String kind, double x, int y, double width, int height, String fill, double value) {
        return "<rect class=\"" + kind + "\" data-value=\"" + number(value) + "\" x=\"" + number(x) + "\" y=\"" + y
                + "\" width=\"" + number(width) + "\" height=\"" + height + "\" fill=\"" + fill + "\"/>";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }
}
