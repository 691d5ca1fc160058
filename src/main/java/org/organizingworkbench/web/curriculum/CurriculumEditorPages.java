package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.web.Locales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.course.Membership;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumDraft;
import org.organizingworkbench.curriculum.CurriculumProblem;
import org.organizingworkbench.curriculum.CurriculumVersion;
import org.organizingworkbench.curriculum.CourseVersion;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.ExercisePlace;
import org.organizingworkbench.curriculum.ExerciseText;
import org.organizingworkbench.launch.Session;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContexts;

/** The pages of the curriculum editor: the course's curriculum, one exercise's form, a copy's form, the versions. */
@ApplicationScoped
public class CurriculumEditorPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** One exercise in the module list. */
    public record Line(String id, String title, boolean hidden, String due, boolean graded, String points,
                       boolean first, boolean last) {
    }

    /** One module with its exercises in course order. */
    public record ModuleView(int number, String title, List<Line> exercises) {
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
        List<ModuleView> modules = curriculum.modules().stream().map(m -> new ModuleView(m.number(),
                m.title().in(language, curriculum.defaultLanguage()), lines(m.exercises(), language,
                curriculum.defaultLanguage()))).toList();
        Map<String, Object> model = page(session, version, notice);
        model.put("curriculumTitle", curriculum.title().in(language, curriculum.defaultLanguage()));
        model.put("modules", modules);
        model.put("focus", focus);
        return templates.render("curriculum-editor", locale, model);
    }

    String exerciseForm(Session session, CurriculumVersion base, CurriculumDraft draft, String exerciseId,
                        List<CurriculumProblem> found, Notice notice) {
        Map<String, Object> model = form(session, base, draft, exerciseId, found, notice);
        model.put("settings", draft.settings(exerciseId));
        return templates.render("curriculum-exercise", locale(session), model);
    }

    String copyForm(Session session, CurriculumVersion base, CurriculumDraft draft, String sourceId,
                    Map<String, String> title, String copyId, List<CurriculumProblem> found) {
        Map<String, Object> model = form(session, base, draft, copyId != null ? copyId : sourceId,
                copyId != null ? found : List.of(), null);
        model.put("exerciseId", sourceId);
        model.put("sourceTitle", draft.texts(sourceId).get(0));
        model.put("title", title);
        return templates.render("curriculum-copy", locale(session), model);
    }

    String versions(Session session, CurriculumVersion inUse, List<CourseVersion> versions, Notice notice) {
        Map<Long, String> names = new HashMap<>();
        for (Membership member : roster.members(session.courseId())) {
            names.put(member.person().id(), member.person().name());
        }
        List<VersionLine> lines = versions.stream().map(v -> new VersionLine(v.version().id(), v.version().version(),
                v.inUse(), v.version().shipped(), v.savedBy() == null ? null
                : Objects.requireNonNullElse(names.get(v.savedBy()), ""), v.savedAt().format(WHEN))).toList();
        Map<String, Object> model = page(session, inUse, notice);
        model.put("versions", lines);
        return templates.render("curriculum-versions", locale(session), model);
    }

    private Map<String, Object> form(Session session, CurriculumVersion base, CurriculumDraft draft, String exerciseId,
                                     List<CurriculumProblem> found, Notice notice) {
        Locale locale = locale(session);
        List<ExerciseText> texts = draft.texts(exerciseId);
        Map<String, Object> model = page(session, base, notice);
        model.put("exerciseId", exerciseId);
        model.put("texts", texts);
        model.put("languages", draft.languages());
        model.put("languageNames", languageNames(draft.languages(), locale));
        List<Problem> problems = problems(draft.place(exerciseId), texts, found);
        model.put("problems", problems);
        model.put("invalid", problems.stream().map(Problem::inputId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return model;
    }

    private Map<String, Object> page(Session session, CurriculumVersion version, Notice notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("authHeaders", pages.of(session).authHeaders());
        model.put("version", version.version());
        model.put("base", version.id());
        model.put("notice", notice);
        return model;
    }

    private static List<Line> lines(List<Exercise> exercises, String language, String fallback) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < exercises.size(); i++) {
            Exercise e = exercises.get(i);
            lines.add(new Line(e.id(), e.title().in(language, fallback), e.hidden(),
                    e.dueDate().map(Object::toString).orElse(null), e.graded(), points(e.points()), i == 0,
                    i == exercises.size() - 1));
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
