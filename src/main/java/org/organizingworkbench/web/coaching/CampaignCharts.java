package org.organizingworkbench.web.coaching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.organizingworkbench.coaching.CampaignAnswer;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.FieldType;
import org.organizingworkbench.curriculum.Visual;
import org.organizingworkbench.curriculum.VisualKind;
import org.organizingworkbench.workbook.AnswerValue;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.organizingworkbench.web.coaching.CoachingViews.ChartView;
import static org.organizingworkbench.web.coaching.CoachingViews.MeasureLine;

/**
 * Each student's campaign numbers against their targets, one small chart per exercise: the number fields that have
 * a target (the number reached against the curriculum's target), and the rows of a table the exercise draws as
 * targets (the row's target, and its actual when the table has that column).
 */
final class CampaignCharts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignCharts() {
    }

    /** The fields to read, exercise id → field ids, of the exercises students see. */
    static Map<String, Set<String>> fields(Curriculum curriculum) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        curriculum.exercises().filter(e -> !e.hidden()).forEach(e -> {
            Set<String> ids = new LinkedHashSet<>();
            e.fields().stream().filter(f -> f.type() == FieldType.NUMBER && f.target() != null).forEach(f -> ids.add(f.id()));
            targets(e).ifPresent(v -> ids.add(v.table()));
            if (!ids.isEmpty()) {
                fields.put(e.id(), ids);
            }
        });
        return fields;
    }

    /** Student id → their charts, in the curriculum's order. */
    static Map<Long, List<ChartView>> charts(Curriculum curriculum, List<CampaignAnswer> answers, Locale locale) {
        Map<Long, Map<String, Map<String, JsonNode>>> byStudent = new HashMap<>();
        for (CampaignAnswer a : answers) {
            byStudent.computeIfAbsent(a.learnerId(), k -> new HashMap<>())
                    .computeIfAbsent(a.exerciseId(), k -> new HashMap<>()).put(a.fieldId(), parse(a.value()));
        }
        String language = locale.getLanguage();
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        Map<Long, List<ChartView>> charts = new HashMap<>();
        byStudent.forEach((learner, exercises) -> {
            List<ChartView> own = new ArrayList<>();
            curriculum.exercises().filter(e -> exercises.containsKey(e.id())).forEach(e -> {
                List<TargetBars.Measure> measures = measures(e, exercises.get(e.id()), language, curriculum.defaultLanguage());
                if (!measures.isEmpty()) {
                    String id = "numbers-" + learner + "-" + e.id();
                    own.add(new ChartView(id, e.title().in(language, curriculum.defaultLanguage()),
                            TargetBars.svg(measures, id + "-text"), measures.stream().map(m -> new MeasureLine(m.label(),
                            m.reached() == null ? null : numbers.format(m.reached()), numbers.format(m.target()))).toList()));
                }
            });
            charts.put(learner, own);
        });
        return charts;
    }

    static List<TargetBars.Measure> measures(Exercise exercise, Map<String, JsonNode> answers, String language,
                                             String fallback) {
        List<TargetBars.Measure> measures = new ArrayList<>();
        for (Field field : exercise.fields()) {
            if (field.type() == FieldType.NUMBER && field.target() != null && answers.containsKey(field.id())) {
                AnswerValue.number(answers.get(field.id())).ifPresent(reached -> measures.add(
                        new TargetBars.Measure(field.label().in(language, fallback), field.target(), reached)));
            }
        }
        targets(exercise).ifPresent(visual -> {
            JsonNode rows = answers.get(visual.table());
            if (rows != null && rows.isArray()) {
                for (JsonNode row : rows) {
                    String label = visual.column("label").map(c -> row.path(c).asText("").strip()).orElse("");
                    Optional<Double> target = visual.column("target").flatMap(c -> AnswerValue.number(row.get(c)));
                    Double actual = visual.column("actual").flatMap(c -> AnswerValue.number(row.get(c))).orElse(null);
                    if (!label.isEmpty() && target.isPresent()) {
                        measures.add(new TargetBars.Measure(label, target.get(), actual));
                    }
                }
            }
        });
        return measures;
    }

    private static Optional<Visual> targets(Exercise exercise) {
        return exercise.declaredVisual().filter(v -> v.kind() == VisualKind.TARGETS);
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }
}
