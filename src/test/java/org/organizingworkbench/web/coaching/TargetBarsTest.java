package org.organizingworkbench.web.coaching;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.coaching.CampaignAnswer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.web.coaching.CoachingViews.ChartView;

/** The dashboard's small charts of campaign numbers: no style attribute, the right bars, words for each. */
class TargetBarsTest {

    private static final Curriculum CURRICULUM = CurriculumLoader.defaultCurriculum();

    @Test
    void barsAreAsLongAsTheirNumbersOnTheLargestScaleAndNeverStyled() {
        String svg = TargetBars.svg(List.of(new TargetBars.Measure("Turnout", 60, 45.0),
                new TargetBars.Measure("Speakers", 12, null), new TargetBars.Measure("Signatures", 100, 120.0)), "chart-text");
        assertFalse(svg.contains("style"), svg);
        assertTrue(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"chart-text\""), svg);
        assertEquals(List.of("60:60", "12:12", "100:100"), bars(svg, "target"), "target bars, 120 the largest number");
        assertEquals(List.of("45:45", "120:120"), bars(svg, "reached"));
        assertEquals(3, svg.split("<line ", -1).length - 1, "a target mark per measure");
    }

    @Test
    void theActionPlansTargetsAndNumberFieldsWithATargetBecomeOneChartPerExercise() throws Exception {
        Map<String, java.util.Set<String>> fields = CampaignCharts.fields(CURRICULUM);
        assertTrue(fields.getOrDefault("action-plan", java.util.Set.of()).contains("targets"), fields.toString());
        Exercise plan = CURRICULUM.exercise("action-plan").orElseThrow();
        String rows = new ObjectMapper().writeValueAsString(List.of(Map.of("measure", "Tenants present", "target", 60),
                Map.of("measure", "", "target", 5), Map.of("measure", "Signatures", "target", "n/a")));
        Map<Long, List<ChartView>> charts = CampaignCharts.charts(CURRICULUM,
                List.of(new CampaignAnswer(7, plan.id(), "targets", rows)), Locale.forLanguageTag("es"));
        ChartView chart = charts.get(7L).get(0);
        assertEquals(1, chart.measures().size(), "rows without a label or a number are left out");
        assertEquals("Tenants present", chart.measures().get(0).label());
        assertFalse(chart.svg().contains("style"));
        assertTrue(chart.svg().contains("aria-labelledby=\"" + chart.id() + "-text\""));
    }

    /** "value:width" of each bar of a kind. */
    private static List<String> bars(String svg, String kind) {
        Matcher m = Pattern.compile("<rect class=\"" + kind + "\" data-value=\"([^\"]+)\"[^>]*width=\"([^\"]+)\"").matcher(svg);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + ":" + m.group(2));
        }
        return found;
    }
}
