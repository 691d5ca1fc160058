package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.web.Locales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.course.Membership;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumChanges;
import org.organizingworkbench.curriculum.LocalizedText;
import org.organizingworkbench.curriculum.CurriculumDraft;
import org.organizingworkbench.curriculum.CurriculumProblem;
import org.organizingworkbench.curriculum.CurriculumVersion;
import org.organizingworkbench.curriculum.CourseVersion;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.ExercisePlace;
import org.organizingworkbench.curriculum.ExerciseText;
import org.organizingworkbench.launch.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.organizingworkbench.view.Moment;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContexts;

/** The pages of the curriculum editor: the course's curriculum, one exercise's form, a copy's form, the versions. */
@ApplicationScoped
public class CurriculumEditorPages {


    /** One exercise in the module list; {@code outOfDate} counts its texts waiting for a new translation. */
    public record Line(String id, String title, boolean hidden, String due, boolean graded, String points,
                       boolean first, boolean last, int outOfDate) {
    }

    /** One module with its exercises in course order; open when it holds the exercise just changed. */
    public record ModuleView(int number, String id, String title, List<Line> exercises, boolean open) {
        public int outOfDate() {
            return exercises.stream().mapToInt(Line::outOfDate).sum();
        }
    }

    /**
     * The texts of the exercise itself, or of one field (its columns and options included), as one group of the form;
     * a field's group starts closed unless something in it needs the instructor.
     */
    public record TextGroup(String fieldId, String name, List<Integer> texts, boolean open) {
    }

    /** A field of the exercise, as the list of fields shows it. */
    public record FieldLine(String id, String type, String label) {
    }

    /** One text that changed between two versions in one language, as runs of words. */
    public record TextDiff(String key, String fieldId, String language, List<WordDiff.Run> runs) {
    }

    /** One exercise that changed between two versions. */
    public record ExerciseDiff(String id, String title, String status, List<TextDiff> texts, List<String> fieldsAdded,
                               List<String> fieldsRemoved, List<String> settings) {
    }

    /** A message to show: a key of the curriculum-editor bundle and its arguments. */
    public record Notice(String key, List<Object> args) {
        static Notice of(String key, Object... args) {
            return new Notice(key, List.of(args));
        }
    }

    /**
     * One reason a save was refused, tied to the input it is about.
     *
     * @param text the text it is about, or null for a setting
     * @param setting points, due or graded; null for a text
     * @param detail the validator's own words, for a problem the form has no input for
     */
    public record Problem(String inputId, ExerciseText text, String language, String setting, String detail) {
    }

    /** One version in the course's list. */
    public record VersionLine(long id, int number, boolean inUse, boolean shipped, String savedBy, String savedAt) {
    }

    @Inject
    Templates templates;

    @Inject
    PageContexts pages;

    @Inject
    CourseRoster roster;

    String overview(Session session, CurriculumVersion version, Notice notice, String focus) {
        Locale locale = locale(session);
        Curriculum curriculum = version.curriculum();
        String language = locale.getLanguage();
        CurriculumDraft draft = CurriculumDraft.of(version.files());
        List<ModuleView> modules = curriculum.modules().stream().map(m -> {
            List<Line> lines = lines(m.exercises(), language, curriculum.defaultLanguage(), draft);
            boolean open = focus != null && lines.stream().anyMatch(line -> focus.endsWith("-" + line.id()));
            return new ModuleView(m.number(), m.id(), m.title().in(language, curriculum.defaultLanguage()), lines, open);
        }).toList();
        Map<String, String> names = languageNames(curriculum.languages(), locale);
        return templates.render("curriculum-editor", locale, frame(session, version, notice), new EditorOverview(
                curriculum.title().in(language, curriculum.defaultLanguage()), modules, focus,
                String.join(", ", names.values()), names.get(curriculum.defaultLanguage()),
                modules.stream().mapToInt(ModuleView::outOfDate).sum()));
    }

    String exerciseForm(Session session, CurriculumVersion base, CurriculumDraft draft, String exerciseId,
                        List<CurriculumProblem> found, Notice notice) {
        String language = locale(session).getLanguage();
        ExerciseForm form = new ExerciseForm(draft.settings(exerciseId), draft.texts(exerciseId).stream()
                .filter(t -> "label".equals(t.key()) && t.slot().matches("fields\\[\\d+]\\.label"))
                .map(t -> new FieldLine(t.fieldId(), base.curriculum().exercise(exerciseId)
                        .flatMap(e -> e.field(t.fieldId())).map(f -> f.type().jsonName()).orElse(""), t.fieldName(language)))
                .toList(), CurriculumEditorResource.NEW_FIELD_TYPES,
                groups(draft.texts(exerciseId), language, found.isEmpty() ? Set.of()
                        : problems(draft.place(exerciseId), draft.texts(exerciseId), found).stream().map(Problem::text)
                        .filter(Objects::nonNull).map(ExerciseText::slot).collect(Collectors.toSet())));
        return templates.render("curriculum-exercise", locale(session), frame(session, base, notice),
                texts(session, draft, exerciseId, found), form);
    }

    /** The exercise's own texts, then each top-level field's texts (label, help, unit, options, columns). */
    private static List<TextGroup> groups(List<ExerciseText> texts, String language, Set<String> withProblems) {
        Map<String, List<Integer>> byField = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            ExerciseText text = texts.get(i);
            String top = text.slot().startsWith("fields[") ? text.slot().substring(0, text.slot().indexOf(']') + 1) : "";
            byField.computeIfAbsent(top, k -> new ArrayList<>()).add(i);
            if (!top.isEmpty() && text.slot().equals(top + ".label")) {
                names.put(top, text.fieldName(language));
            }
        }
        List<TextGroup> groups = new ArrayList<>();
        byField.forEach((top, indexes) -> {
            boolean open = top.isEmpty() || indexes.stream().map(texts::get)
                    .anyMatch(t -> !t.outOfDate().isEmpty() || withProblems.contains(t.slot()));
            groups.add(new TextGroup(top.isEmpty() ? null : texts.get(indexes.get(0)).fieldId(), names.get(top), indexes, open));
        });
        return groups;
    }

    String newExerciseForm(Session session, CurriculumVersion base, CurriculumDraft draft, String moduleId, String kind,
                           Map<String, Map<String, String>> typed, List<CurriculumProblem> found) {
        Locale locale = locale(session);
        Map<String, String> title = draft.moduleTitles().get(moduleId);
        Set<String> invalid = found.stream().map(problem -> newExerciseInput(problem.path()))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        NewExercisePage model = new NewExercisePage(pages.of(session).authHeaders(), base.version(), base.id(), null,
                moduleId, title.getOrDefault(locale.getLanguage(), title.get(draft.languages().get(0))), kind,
                CurriculumEditorResource.NEW_EXERCISE_KINDS, typed, draft.languages(),
                languageNames(draft.languages(), locale), invalid, found.size());
        return templates.render("curriculum-new-exercise", locale, model);
    }

    /** The input a problem of the new exercise is about: {@code title-es} for {@code $.exercises[9].title.es}. */
    private static String newExerciseInput(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\$\\.exercises\\[\\d+]\\.(title|prompt|guidance|fields\\[0]\\.label)(?:\\.([a-z-A-Z]+))?").matcher(path);
        if (!m.matches()) {
            return null;
        }
        String key = m.group(1).startsWith("fields") ? "label" : m.group(1);
        return m.group(2) == null ? key : key + "-" + m.group(2);
    }

    String languages(Session session, CurriculumVersion version, Notice notice, int status) {
        Locale locale = locale(session);
        List<String> current = version.curriculum().languages();
        return templates.render("curriculum-languages", locale, new LanguagesPage(pages.of(session).authHeaders(),
                version.version(), version.id(), notice, current, languageNames(offeredLanguages(current), locale)));
    }

    /** The languages a course may choose: the tool's own, and any its curriculum already has. */
    static List<String> offeredLanguages(List<String> current) {
        List<String> offered = new ArrayList<>(Locales.SUPPORTED.stream().map(Locale::getLanguage).toList());
        current.stream().filter(language -> !offered.contains(language)).forEach(offered::add);
        return offered;
    }

    String comparison(Session session, CurriculumVersion inUse, CurriculumVersion before, CurriculumVersion after) {
        Locale locale = locale(session);
        String language = locale.getLanguage();
        String fallback = after.curriculum().defaultLanguage();
        Map<String, String> names = languageNames(offeredLanguages(after.curriculum().languages()), locale);
        List<ExerciseDiff> diffs = CurriculumChanges.between(before.curriculum(), after.curriculum()).stream()
                .map(change -> new ExerciseDiff(change.exerciseId(), change.title().in(language, fallback),
                        change.status().name().toLowerCase(Locale.ROOT), change.texts().stream()
                        .flatMap(text -> textDiffs(text, names).stream()).toList(),
                        change.fieldsAdded(), change.fieldsRemoved(), change.settings()))
                .toList();
        return templates.render("curriculum-compare", locale, new VersionComparisonPage(pages.of(session).authHeaders(),
                inUse.version(), inUse.id(), null, before.version(), after.version(), diffs));
    }

    /** The text compared in each language it differs in. */
    private static List<TextDiff> textDiffs(CurriculumChanges.TextChange text, Map<String, String> names) {
        List<TextDiff> diffs = new ArrayList<>();
        for (Map.Entry<String, String> language : names.entrySet()) {
            String old = in(text.before(), language.getKey());
            String now = in(text.after(), language.getKey());
            if (!old.equals(now)) {
                diffs.add(new TextDiff(text.key(), text.fieldId(), language.getValue(), WordDiff.of(old, now)));
            }
        }
        return diffs;
    }

    private static String in(LocalizedText text, String language) {
        return text == null ? "" : text.in(language).orElse("");
    }

    String copyForm(Session session, CurriculumVersion base, CurriculumDraft draft, String sourceId,
                    Map<String, String> title, String copyId, List<CurriculumProblem> found) {
        return templates.render("curriculum-copy", locale(session), frame(session, base, null),
                texts(session, draft, copyId != null ? copyId : sourceId, copyId != null ? found : List.of()),
                new CopyForm(sourceId, draft.texts(sourceId).get(0), title));
    }

    String versions(Session session, CurriculumVersion inUse, List<CourseVersion> versions, Notice notice) {
        Map<Long, String> names = new HashMap<>();
        for (Membership member : roster.members(session.courseId())) {
            names.put(member.person().id(), member.person().name());
        }
        List<VersionLine> lines = versions.stream().map(v -> new VersionLine(v.version().id(), v.version().version(),
                v.inUse(), v.version().shipped(), v.savedBy() == null ? null
                : Objects.requireNonNullElse(names.get(v.savedBy()), ""),
                Moment.html(v.savedAt().toInstant(java.time.ZoneOffset.UTC), locale(session)))).toList();
        return templates.render("curriculum-versions", locale(session), frame(session, inUse, notice),
                new VersionList(lines));
    }

    private ExerciseTexts texts(Session session, CurriculumDraft draft, String exerciseId, List<CurriculumProblem> found) {
        List<ExerciseText> texts = draft.texts(exerciseId);
        List<Problem> problems = problems(draft.place(exerciseId), texts, found);
        return new ExerciseTexts(exerciseId, texts, draft.languages(), languageNames(draft.languages(), locale(session)),
                problems, problems.stream().map(Problem::inputId).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    EditorFrame frame(Session session, CurriculumVersion version, Notice notice) {
        return new EditorFrame(pages.of(session).authHeaders(), version.version(), version.id(), notice);
    }

    private static List<Line> lines(List<Exercise> exercises, String language, String fallback, CurriculumDraft draft) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < exercises.size(); i++) {
            Exercise e = exercises.get(i);
            lines.add(new Line(e.id(), e.title().in(language, fallback), e.hidden(),
                    e.dueDate().map(Object::toString).orElse(null), e.graded(), points(e.points()), i == 0,
                    i == exercises.size() - 1, draft.outOfDateCount(e.id())));
        }
        return lines;
    }

    private static String points(Double points) {
        return points == null ? null : points == Math.rint(points) ? String.valueOf(points.longValue())
                : String.valueOf(points);
    }

    /** Each problem inside the exercise, tied to its input so the page can mark it and link to it. */
    static List<Problem> problems(ExercisePlace place, List<ExerciseText> texts, List<CurriculumProblem> found) {
        List<Problem> problems = new ArrayList<>();
        for (CurriculumProblem problem : found) {
            String rest = place.within(problem);
            problems.add(rest == null ? new Problem(null, null, null, null, problem.toString()) : problem(rest, texts, problem));
        }
        return problems;
    }

    private static Problem problem(String rest, List<ExerciseText> texts, CurriculumProblem problem) {
        for (int i = 0; i < texts.size(); i++) {
            ExerciseText text = texts.get(i);
            if (text.isAt(rest)) {
                String language = rest.length() > text.slot().length() ? rest.substring(text.slot().length() + 1) : null;
                return new Problem(inputId(i, language), text, language, null, problem.message());
            }
        }
        if (List.of("points", "due", "graded", "hidden").contains(rest)) {
            return new Problem(rest, null, null, rest, problem.message());
        }
        return new Problem(null, null, null, null, problem.toString());
    }

    /** The id of the input of text {@code index} in {@code language}; the page names inputs the same way. */
    static String inputId(int index, String language) {
        return language == null ? "t" + index : "t" + index + "-" + language;
    }

    private static Map<String, String> languageNames(List<String> languages, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : languages) {
            String name = Locale.forLanguageTag(language).getDisplayLanguage(locale);
            names.put(language, name.isEmpty() ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1));
        }
        return names;
    }

    private static Locale locale(Session session) {
        return Locales.choose(session.locale());
    }
}
