package org.organizingworkbench.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.Plot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Draws a JFreeChart as SVG (JFreeSVG) in one plain print style: white ground, dark text, two strong colours. */
final class ChartSvg {

    static final Color FIRST = new Color(0x1f, 0x3a, 0x5f);
    static final Color SECOND = new Color(0xd9, 0x76, 0x1e);
    private static final String FONT = "DejaVu Sans";
    private static final Pattern STYLE = Pattern.compile("\\sstyle=(?:'([^']*)'|\"([^\"]*)\")");

    private ChartSvg() {
    }

    /** Draws a chart that {@link #style} has already styled (series colours are set after styling, or it resets them). */
    static String draw(JFreeChart chart, int width, int height) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        // one decimal is finer than print resolution and keeps the markup small
        graphics.setGeomDoubleConverter(value -> String.format(Locale.ROOT, "%.1f", value));
        graphics.setFontFunction(family -> FONT + ", sans-serif");
        chart.draw(graphics, new Rectangle(0, 0, width, height));
        // whole-number dimensions: PDF layout refuses "640.0"
        String svg = graphics.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null)
                .replaceFirst("<svg ", "<svg width=\"" + width + "\" height=\"" + height + "\" ");
        return presentationAttributes(svg);
    }

    /**
     * JFreeSVG styles each element with a {@code style} attribute, which the pages' Content-Security-Policy
     * ({@code style-src 'self'}) blocks: the browser then paints every shape black. The same declarations as SVG
     * presentation attributes are not styles in the policy's sense, and PDF rendering reads them alike.
     */
    static String presentationAttributes(String svg) {
        Matcher style = STYLE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (style.find()) {
            StringBuilder attributes = new StringBuilder();
            for (String declaration : Svg.unescape(style.group(1) != null ? style.group(1) : style.group(2)).split(";")) {
                int colon = declaration.indexOf(':');
                if (colon > 0) {
                    String name = declaration.substring(0, colon).strip();
                    String value = declaration.substring(colon + 1).strip();
                    if (name.matches("[a-z-]+") && !value.isEmpty()) {
                        attributes.append(' ').append(name).append("=\"").append(Svg.escape(value)).append('"');
                    }
                }
            }
            style.appendReplacement(out, Matcher.quoteReplacement(attributes.toString()));
        }
        return style.appendTail(out).toString();
    }

    static void style(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 16));
        theme.setLargeFont(new Font(FONT, Font.BOLD, 13));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 11));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(Color.BLACK);
        theme.setItemLabelPaint(Color.BLACK);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        theme.apply(chart);
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
    }
}
