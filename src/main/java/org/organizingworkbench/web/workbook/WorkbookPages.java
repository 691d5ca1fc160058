package org.organizingworkbench.web.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.workbook.Workbooks;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.LocalizedText;
import org.organizingworkbench.curriculum.Module;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.AnswerValue;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.ExerciseStatus;
import org.organizingworkbench.workbook.RichText;
import org.organizingworkbench.workbook.Submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organizingworkbench.view.Moment;
import org.organizingworkbench.view.Templates;

/**
 * What the workbook's pages show, in the reader's language: the overview of modules and exercises with each one's
 * status, and an exercise with its fields, answers and submission. Rendering only; {@link WorkbookResource}
 * decides who may see what.
 */
@ApplicationScoped
public class WorkbookPages {

    /** In an exercise page's extras: render only the work (no banner, navigation or main), for a page that embeds it. */

    @Inject
    Templates templates;

    @Inject
    Workbooks workbooks;

    @Inject
    CurriculumVersions curricula;

    @Inject
    MetPeopleNames metPeople;

    @Inject
    java.time.Clock clock;

    /** The workbook's overview page. */
    public String overviewPage(Page page) {
        return overviewPage(page, null);
    }

    /** @param module the one module to show (the others stay one click away), or null for all of them */
    public String overviewPage(Page page, Integer module) {
        Author author = page.author();
        return overview(page, curricula.curriculumOf(author.courseId()), workbooks.answers(author),
                workbooks.latestSubmissions(author), module);
    }

    /** What the student could do next: the exercise due soonest, else the first one not submitted; empty when done. */
    public java.util.Optional<ExerciseLine> upNext(Author author, Locale locale) {
        Curriculum curriculum = curricula.curriculumOf(author.courseId());
        List<ModuleView> modules = modules(curriculum, ExerciseTitles.of(curriculum, locale), new Text(curriculum, locale),
                false, workbooks.answers(author), workbooks.latestSubmissions(author));
        return UpNext.of(modules.stream().flatMap(m -> m.exercises().stream()).toList(), now());
    }

    /**
     * An exercise's page.
     *
     * @throws NotFoundException when the curriculum has no such exercise, or it is hidden and the page is the
     *                           student's own
     */
    public String exercisePage(Page page, String exerciseId, ExerciseOutcome outcome) {
        Author author = page.author();
        Curriculum curriculum = curricula.curriculumOf(author.courseId());
        Exercise exercise = visibleExercise(curriculum, exerciseId, page.own());
        return exercise(page, curriculum, exercise, metPeople.answers(author.courseId(), page.own(), exercise,
                        workbooks.answers(author, exerciseId), page.locale()),
                workbooks.latestSubmissions(author).get(exerciseId), outcome);
    }

    private Instant now() {
        return clock == null ? Instant.now() : clock.instant();
    }

    static Exercise visibleExercise(Curriculum curriculum, String exerciseId, boolean own) {
        Exercise exercise = curriculum.exercise(exerciseId).orElseThrow(NotFoundException::new);
        if (own && exercise.hidden()) {
            throw new NotFoundException();
        }
        return exercise;
    }

    /** One exercise in the overview. */
    public record ExerciseLine(String id, String title, String kind, String status, LocalDate due, boolean hidden,
                               Instant submittedAt, boolean late) {
    }

    /** One module in the overview, with how many of its exercises are started and submitted. */
    public record ModuleView(int number, String title, String summary, List<ExerciseLine> exercises, long started,
                             long submitted) {
    }

    /** A field of an exercise as the page shows it; columns are the fields of a table's rows. */
    public record FieldView(String id, String type, String label, String help, boolean required, Integer wordLimit,
                            Integer minItems, Integer maxItems, String unit, Double target, boolean multiple,
                            List<Option> options, List<FieldView> columns, JsonNode value, int revision, int words,
                            String pickFrom) {
    }

    public record Option(String value, String label) {
    }

    /** Where the pages of this workbook live: the student's own, or a student's as staff read it. */
    public static String base(Author author, boolean own) {
        return own ? "/app/workbook" : "/app/learners/" + author.membershipId() + "/workbook";
    }

    public String overview(Page page, Curriculum curriculum, Map<String, Map<String, Answer>> answers,
                           Map<String, Submission> submissions) {
        return overview(page, curriculum, answers, submissions, null);
    }

    private String overview(Page page, Curriculum curriculum, Map<String, Map<String, Answer>> answers,
                            Map<String, Submission> submissions, Integer only) {
        Text text = new Text(curriculum, page.locale());
        List<ModuleView> modules = modules(curriculum, ExerciseTitles.of(curriculum, page.locale()), text, page.staff(),
                answers, submissions);
        List<ModuleView> shown = modules.stream().filter(m -> only == null || m.number() == only).toList();
        WorkbookOverview overview = new WorkbookOverview(shown.isEmpty() ? modules : shown, modules,
                shown.size() == 1 && only != null,
                page.own() ? UpNext.of(modules.stream().flatMap(m -> m.exercises().stream()).toList(), now())
                        .orElse(null) : null,
                text.of(curriculum.title()), modules.stream().mapToLong(m -> m.exercises().size()).sum(),
                modules.stream().mapToLong(ModuleView::started).sum(),
                modules.stream().mapToLong(ModuleView::submitted).sum());
        return templates.render("workbook", page.locale(), page.frame(), overview);
    }

    public String exercise(Page page, Curriculum curriculum, Exercise exercise, Map<String, Answer> answers,
                           Submission latest, ExerciseOutcome outcome) {
        Text text = new Text(curriculum, page.locale());
        Map<String, String> picks = picks(exercise);
        ExerciseView view = new ExerciseView(exercise, curriculum.modules().stream()
                .filter(m -> m.exercises().contains(exercise)).findFirst().map(m -> text.of(m.title())).orElse(""),
                ExerciseTitles.of(curriculum, page.locale()).of(exercise), text.of(exercise.prompt()),
                text.of(exercise.guidance()), exercise.exampleText().map(text::of).orElse(null),
                page.staff() ? exercise.gradingHintsText().map(text::of).orElse(null) : null,
                exercise.fields().stream().map(f -> field(f, text, answers.get(f.id()), picks)).toList(),
                ExerciseStatus.of(exercise, answers, latest).name(), latest,
                latest == null ? null : Moment.html(latest.submittedAt(), page.locale()),
                exercise.dueDate().orElse(null), outcome.notice(), outcome.noticeArg(), outcome.problem(),
                outcome.missing(), outcome.workOnly());
        return outcome.workOnly() ? templates.renderFragment("exercise", "work", page.locale(), page.frame(), view)
                : templates.render("exercise", page.locale(), page.frame(), view);
    }

    private static List<ModuleView> modules(Curriculum curriculum, ExerciseTitles titles, Text text, boolean staff,
                                            Map<String, Map<String, Answer>> answers, Map<String, Submission> submissions) {
        return curriculum.modules().stream()
                .map(m -> module(m, titles, text, staff, answers, submissions))
                .filter(m -> !m.exercises().isEmpty()).toList();
    }

    private static ModuleView module(Module module, ExerciseTitles titles, Text text, boolean staff,
                                     Map<String, Map<String, Answer>> answers, Map<String, Submission> submissions) {
        List<ExerciseLine> lines = module.exercises().stream()
                .filter(e -> staff || !e.hidden())
                .map(e -> line(e, titles, answers.getOrDefault(e.id(), Map.of()), submissions.get(e.id())))
                .toList();
        return new ModuleView(module.number(), text.of(module.title()), text.of(module.summary()), lines,
                lines.stream().filter(l -> !ExerciseStatus.NOT_STARTED.name().equals(l.status())).count(),
                lines.stream().filter(l -> l.submittedAt() != null).count());
    }

    private static ExerciseLine line(Exercise exercise, ExerciseTitles titles, Map<String, Answer> answers,
                                     Submission latest) {
        return new ExerciseLine(exercise.id(), titles.of(exercise), exercise.kind().name(),
                ExerciseStatus.of(exercise, answers, latest).name(), exercise.dueDate().orElse(null), exercise.hidden(),
                latest == null ? null : latest.submittedAt(), latest != null && latest.late());
    }

    /**
     * The table columns whose value is chosen among the names written in another column ({@code column → source
     * column}): the snowflake's "developed by" among the team's members, so a typo cannot make a second centre.
     */
    static Map<String, String> picks(Exercise exercise) {
        return exercise.declaredVisual().filter(v -> v.kind() == org.organizingworkbench.curriculum.VisualKind.SNOWFLAKE)
                .flatMap(v -> v.column("link").flatMap(link -> v.column("name").map(name -> Map.of(link, name))))
                .orElse(Map.of());
    }

    static FieldView field(Field field, Text text, Answer answer, Map<String, String> picks) {
        JsonNode value = answer == null ? AnswerValue.empty(field) : answer.value();
        return new FieldView(field.id(), field.type().jsonName(), text.of(field.label()),
                field.help() == null ? null : text.of(field.help()), field.required(), field.wordLimit(),
                field.minItems(), field.maxItems(), field.unit() == null ? null : text.of(field.unit()), field.target(),
                field.multiple(), field.options().stream().map(o -> new Option(o.value(), text.of(o.label()))).toList(),
                field.columns().stream().map(c -> field(c, text, null, picks)).toList(), value,
                answer == null ? 0 : answer.revision(),
                value.isTextual() ? RichText.words(value.asText()) : 0, picks.get(field.id()));
    }

    /** Curriculum texts in the reader's language, falling back to the curriculum's first language. */
    record Text(Curriculum curriculum, Locale locale) {
        String of(LocalizedText text) {
            return text.in(locale.getLanguage(), curriculum.defaultLanguage());
        }
    }

    /** The frame of every workbook page: who reads whose workbook, and where its links point. */
    public record Page(Locale locale, Author author, boolean own, boolean staff, String authHeaders, String role) {

        WorkbookFrame frame() {
            return new WorkbookFrame(author, own, staff, !own, base(author, own), authHeaders, role, AnswerView.INSTANCE);
        }
    }
}
