package org.organizingworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.workbook.AnswerModel;
import org.organizingworkbench.workbook.AnswerValue;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.Visual;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The diagram an exercise declares ({@link Exercise#declaredVisual()}), drawn from a student's answers to it as
 * accessible SVG markup: role="img" with a title and a description that says in words what the picture shows.
 * Every text a student wrote is escaped. Usable in any page or document; the answers' table stays the text version.
 */
public final class ExerciseDiagrams {

    private final DocumentLanguage language;

    /**
     * @param locale           the language of the titles, descriptions, dates and numbers
     * @param fallbackLanguage the curriculum's first language, for texts it lacks in {@code locale}
     */
    public ExerciseDiagrams(Locale locale, String fallbackLanguage) {
        this.language = new DocumentLanguage(locale, fallbackLanguage);
    }

    /**
     * @param answers the student's answers to this exercise, by field id (absent field: unanswered)
     * @return the SVG element, or empty when the exercise declares no visual or the answers hold too little to draw
     */
    public Optional<String> svg(Exercise exercise, Map<String, JsonNode> answers) {
        Optional<Visual> visual = exercise.declaredVisual();
        Optional<Field> table = visual.flatMap(v -> exercise.field(v.table()));
        if (visual.isEmpty() || table.isEmpty() || answers == null) {
            return Optional.empty();
        }
        List<Map<String, JsonNode>> rows = TableRows.rows(answers.get(table.get().id()));
        String id = "diagram-" + exercise.id();
        return switch (visual.get().kind()) {
            case SNOWFLAKE -> snowflake(visual.get(), table.get(), rows, id);
            case TIMELINE -> timeline(visual.get(), table.get(), rows, id);
            case TARGETS -> targets(visual.get(), table.get(), rows, id);
        };
    }

    private Optional<String> snowflake(Visual visual, Field table, List<Map<String, JsonNode>> rows, String id) {
        List<SnowflakeDiagram.Member> members = new ArrayList<>();
        Optional<Field> beyond = visual.column("beyond").flatMap(table::column);
        for (Map<String, JsonNode> row : rows) {
            List<String> outside = beyond.map(column -> people(row.get(column.id()))).orElse(List.of());
            members.add(new SnowflakeDiagram.Member(cell(visual, "name", table, row), cell(visual, "link", table, row),
                    outside));
        }
        SnowflakeDiagram.Wording wording = new SnowflakeDiagram.Wording() {
            @Override
            public String centre(String name) {
                return language.message("diagram.snowflake.centre", name);
            }

            @Override
            public String develops(String coach, List<String> team) {
                return language.message("diagram.snowflake.develops", coach, String.join(", ", team));
            }

            @Override
            public String beyond(String coach, List<String> people) {
                return language.message("diagram.snowflake.beyond", coach, String.join(", ", people));
            }

            @Override
            public List<String> legend() {
                return List.of(language.message("diagram.snowflake.legend.centre"),
                        language.message("diagram.snowflake.legend.team"),
                        language.message("diagram.snowflake.legend.beyond"));
            }
        };
        return SnowflakeDiagram.svg(members, id, language.message("diagram.snowflake.title"), wording);
    }

    private Optional<String> timeline(Visual visual, Field table, List<Map<String, JsonNode>> rows, String id) {
        Field date = column(visual, "date", table);
        Field size = column(visual, "size", table);
        List<CampaignTimelineChart.Peak> peaks = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Map<String, JsonNode> row : rows) {
            var day = AnswerValue.day(row.get(date.id()));
            var people = AnswerValue.number(row.get(size.id()));
            if (day.isPresent() && people.isPresent()) {
                String label = cell(visual, "label", table, row);
                peaks.add(new CampaignTimelineChart.Peak(day.get(), label, people.get()));
                sentences.add(language.message("diagram.timeline.point", language.date(day.get()), label,
                        language.text(size.label()), language.number(people.get())));
            }
        }
        return CampaignTimelineChart.svg(peaks, language.text(date.label()), language.text(size.label()), language.locale())
                .map(svg -> Svg.accessible(svg, id, language.message("diagram.timeline.title"), String.join(" ", sentences)));
    }

    private Optional<String> targets(Visual visual, Field table, List<Map<String, JsonNode>> rows, String id) {
        Field target = column(visual, "target", table);
        Optional<Field> actual = visual.column("actual").flatMap(table::column);
        List<TargetsChart.Measure> measures = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Map<String, JsonNode> row : rows) {
            Optional<Double> aimed = AnswerValue.number(row.get(target.id()));
            Double reached = actual.flatMap(a -> AnswerValue.number(row.get(a.id()))).orElse(null);
            String label = cell(visual, "label", table, row);
            if (aimed.isPresent() && !label.isBlank()) {
                measures.add(new TargetsChart.Measure(label, aimed.get(), reached));
                sentences.add(actual.isPresent()
                        ? language.message("diagram.targets.rowWithActual", label, language.text(target.label()),
                        language.number(aimed.get()), language.text(actual.get().label()),
                        reached == null ? "—" : language.number(reached))
                        : language.message("diagram.targets.row", label, language.text(target.label()),
                        language.number(aimed.get())));
            }
        }
        String title = language.message(actual.isPresent() ? "diagram.targets.titleWithActual" : "diagram.targets.title");
        return TargetsChart.svg(measures, language.text(target.label()), actual.map(a -> language.text(a.label())).orElse(null),
                        language.locale())
                .map(svg -> Svg.accessible(svg, id, title, String.join(" ", sentences)));
    }

    /** "Rosa, Tomás; Inés" or a list of names: the people as separate names. */
    private static List<String> people(JsonNode value) {
        List<String> people = new ArrayList<>();
        if (value == null) {
            return people;
        }
        List<String> written = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> written.add(item.asText("")));
        } else {
            written.add(value.asText(""));
        }
        for (String text : written) {
            for (String name : text.split("[,;\\n]")) {
                if (!name.isBlank()) {
                    people.add(name.strip());
                }
            }
        }
        return people;
    }

    private static Field column(Visual visual, String role, Field table) {
        return visual.column(role).flatMap(table::column).orElseThrow(() -> new IllegalStateException(
                "a validated curriculum names the " + role + " column of " + table.id()));
    }

    private String cell(Visual visual, String role, Field table, Map<String, JsonNode> row) {
        Field column = column(visual, role, table);
        return AnswerModel.labelOf(column, row.get(column.id()), language).strip();
    }
}
