package org.organizingworkbench.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Targets set before an action, and what was reached when it is known, as bars side by side per measure. */
final class TargetsChart {

    /** One measure: what is counted, the number aimed for, and the number reached (null before the action). */
    record Measure(String label, double target, Double actual) {
    }

    private static final int WIDTH = 640;
    private static final int BAR_HEIGHT = 24;
    private static final int GAP_HEIGHT = 18;
    private static final int FRAME_HEIGHT = 80;
    private static final int MAX_HEIGHT = 900;

    private TargetsChart() {
    }

    /** Empty with no measure that has a target. */
    static Optional<String> svg(List<Measure> measures, String targetSeries, String actualSeries, Locale locale) {
        if (measures.isEmpty()) {
            return Optional.empty();
        }
        boolean withActual = actualSeries != null;
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Set<String> categories = new HashSet<>();
        for (Measure measure : measures) {
            String category = measure.label().strip();
            // the same words twice would merge two rows into one bar
            for (int n = 2; !categories.add(category); n++) {
                category = measure.label().strip() + " (" + n + ")";
            }
            dataset.addValue(measure.target(), targetSeries, category);
            if (withActual) {
                dataset.addValue(measure.actual(), actualSeries, category);
            }
        }
        NumberAxis values = new NumberAxis();
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        values.setUpperMargin(0.15);
        CategoryAxis labels = new CategoryAxis();
        labels.setMaximumCategoryLabelLines(2);
        labels.setMaximumCategoryLabelWidthRatio(0.35f);
        BarRenderer bars = new BarRenderer();
        bars.setItemMargin(0.05);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", NumberFormat.getNumberInstance(locale)));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryPlot plot = new CategoryPlot(dataset, labels, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, withActual);
        ChartSvg.style(chart);
        bars.setSeriesPaint(0, ChartSvg.FIRST);
        bars.setSeriesPaint(1, ChartSvg.SECOND);
        int height = FRAME_HEIGHT + measures.size() * ((withActual ? 2 : 1) * BAR_HEIGHT + GAP_HEIGHT);
        return Optional.of(ChartSvg.draw(chart, WIDTH, Math.min(height, MAX_HEIGHT)));
    }
}
