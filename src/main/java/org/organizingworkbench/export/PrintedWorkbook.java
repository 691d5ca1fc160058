package org.organizingworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.Module;
import org.organizingworkbench.view.Moment;
import org.organizingworkbench.workbook.AnswerModel;
import org.organizingworkbench.workbook.PrintedAnswer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the print template shows, already in the document's language: modules, their visible exercises, each
 * field's label and the answer in a form a reader takes in at a glance. Words of the export area itself (labels
 * such as "Not answered") stay in the template and its bundle.
 */
public record PrintedWorkbook(String language, String title, String courseTitle, String authorName,
                              String curriculumTitle, String credit, String generatedAt, List<PrintedModule> modules) {

    public record PrintedModule(int number, String title, String summary, List<PrintedExercise> exercises) {
    }

    /**
     * {@code status} is submitted, late or notSubmitted; {@code submittedAt} is a {@code <time>} element, blank
     * when not submitted.
     */
    public record PrintedExercise(String id, String title, String prompt, String status, String submittedAt,
                                  List<PrintedField> fields) {
    }

    /** A field's label and answer, and the diagram drawn from it (blank when there is none). */
    public record PrintedField(String label, PrintedAnswer answer, String diagram) {
    }

    public static PrintedWorkbook of(WorkbookDocument document) {
        return of(document, Selection.ALL);
    }

    public static PrintedWorkbook of(WorkbookDocument document, Selection selection) {
        DocumentLanguage language = new DocumentLanguage(document.locale(), document.curriculum().defaultLanguage());
        ExerciseDiagrams diagrams = new ExerciseDiagrams(document.locale(), document.curriculum().defaultLanguage());
        List<PrintedModule> modules = new ArrayList<>();
        for (Module module : document.curriculum().modules()) {
            List<PrintedExercise> exercises = module.exercises().stream().filter(exercise -> selection.holds(exercise, document))
                    .map(exercise -> exercise(exercise, document, language, diagrams)).toList();
            if (!exercises.isEmpty()) {
                modules.add(new PrintedModule(module.number(), language.text(module.title()), language.text(module.summary()),
                        exercises));
            }
        }
        String title = language.message("export.documentTitle", document.authorName(), document.courseTitle());
        return new PrintedWorkbook(document.locale().getLanguage(), title, document.courseTitle(), document.authorName(),
                language.text(document.curriculum().title()),
                document.curriculum().credit() == null ? "" : language.text(document.curriculum().credit()),
                when(document, document.generatedAt()), modules);
    }

    private static PrintedExercise exercise(Exercise exercise, WorkbookDocument document, DocumentLanguage language,
                                            ExerciseDiagrams diagrams) {
        Map<String, JsonNode> answers = document.answersTo(exercise.id());
        Optional<String> diagram = diagrams.svg(exercise, answers);
        String drawnFrom = exercise.declaredVisual().map(visual -> visual.table()).orElse("");
        List<PrintedField> fields = exercise.fields().stream().map(field -> new PrintedField(language.text(field.label()),
                answer(field, answers.get(field.id()), language),
                field.id().equals(drawnFrom) ? diagram.orElse("") : "")).toList();
        Optional<Submission> submission = document.submission(exercise.id());
        String status = submission.map(s -> s.late() ? "late" : "submitted").orElse("notSubmitted");
        return new PrintedExercise(exercise.id(), language.text(exercise.title()), language.text(exercise.prompt()), status,
                submission.map(s -> when(document, s.submittedAt())).orElse(""), fields);
    }

    /**
     * A {@code <time>} element (the template writes it as markup): the text in the document's zone, which a
     * browser showing the print view rewrites in the reader's own; "UTC" said when that is all the server knew.
     */
    private static String when(WorkbookDocument document, Instant instant) {
        String text = Moment.text(instant, document.zone(), document.locale())
                + (ZoneOffset.UTC.equals(document.zone()) ? " UTC" : "");
        return "<time datetime=\"" + instant.truncatedTo(ChronoUnit.SECONDS) + "\" data-when=\"moment\">"
                + Svg.escape(text) + "</time>";
    }

    static PrintedAnswer answer(Field field, JsonNode value, DocumentLanguage language) {
        return AnswerModel.printedOf(field, value, language);
    }
}
