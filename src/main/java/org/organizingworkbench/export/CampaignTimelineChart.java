package org.organizingworkbench.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.text.DateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/** The campaign arc: each peak a point at its date, as high as the people it involves, labelled with what happens. */
final class CampaignTimelineChart {

    /** One dated point of the campaign. */
    record Peak(LocalDate date, String label, double size) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int LABEL_LENGTH = 28;

    private CampaignTimelineChart() {
    }

    /** Empty with fewer than two dated points: an arc needs a start and somewhere to go. */
    static Optional<String> svg(List<Peak> peaks, String dateAxis, String sizeAxis, Locale locale) {
        if (peaks.size() < 2) {
            return Optional.empty();
        }
        List<Peak> inOrder = new ArrayList<>(peaks);
        inOrder.sort(Comparator.comparing(Peak::date));
        TimeSeries series = new TimeSeries(sizeAxis);
        List<String> labels = new ArrayList<>();
        for (Peak peak : inOrder) {
            Day day = new Day(peak.date().getDayOfMonth(), peak.date().getMonthValue(), peak.date().getYear());
            if (series.getDataItem(day) == null) {
                series.add(day, peak.size());
                labels.add(shortened(peak.label()));
            } else {
                // two events on one day: one point, its size the larger, both named
                int at = series.getIndex(day);
                series.update(day, Math.max(series.getValue(day).doubleValue(), peak.size()));
                labels.set(at, labels.get(at) + " / " + shortened(peak.label()));
            }
        }
        DateAxis time = new DateAxis(dateAxis, TimeZone.getTimeZone("UTC"), locale);
        time.setDateFormatOverride(DateFormat.getDateInstance(DateFormat.MEDIUM, locale));
        time.setLowerMargin(0.05);
        time.setUpperMargin(0.05);
        NumberAxis size = new NumberAxis(sizeAxis);
        size.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        size.setUpperMargin(0.2);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int row, int item) {
                // the first and last labels grow inwards, so the plot's edge does not cut them
                TextAnchor anchor = item == 0 ? TextAnchor.BOTTOM_LEFT
                        : item == labels.size() - 1 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_CENTER;
                return new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, anchor);
            }
        };
        renderer.setDefaultItemLabelGenerator((dataset, s, item) -> labels.get(item));
        renderer.setDefaultItemLabelsVisible(true);
        XYPlot plot = new XYPlot(new TimeSeriesCollection(series, TimeZone.getTimeZone("UTC")), time, size, renderer);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartSvg.style(chart);
        renderer.setSeriesPaint(0, ChartSvg.FIRST);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        return Optional.of(ChartSvg.draw(chart, WIDTH, HEIGHT));
    }

    private static String shortened(String label) {
        String text = label.strip();
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }
}
