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

/** Draws a JFreeChart as SVG (JFreeSVG) in one plain print style: white ground, dark text, two strong colours. */
final class ChartSvg {

    static final Color FIRST = new Color(0x1f, 0x3a, 0x5f);
    static final Color SECOND = new Color(0xd9, 0x76, 0x1e);
    private static final String FONT = "DejaVu Sans";

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
        return graphics.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null)
                .replaceFirst("<svg ", "<svg width=\"" + width + "\" height=\"" + height + "\" ");
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
