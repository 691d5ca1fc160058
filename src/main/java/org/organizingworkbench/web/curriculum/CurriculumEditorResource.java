package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.web.SessionFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.curriculum.AdaptedCurriculum;
import org.organizingworkbench.curriculum.CourseCurriculum;
import org.organizingworkbench.curriculum.CourseVersion;
import org.organizingworkbench.curriculum.CurriculumDraft;
import org.organizingworkbench.curriculum.CurriculumProblem;
import org.organizingworkbench.curriculum.CurriculumValidator;
import org.organizingworkbench.curriculum.CurriculumVersion;
import org.organizingworkbench.curriculum.ExerciseText;
import org.organizingworkbench.curriculum.InvalidCurriculumException;
import org.organizingworkbench.curriculum.StaleVersionException;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.web.curriculum.CurriculumEditorPages.Notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The curriculum editor: a course's instructors reword, translate, hide, reorder, date, grade and copy exercises.
 * Every change is saved at once as a version of the course (see {@link CourseCurriculum}) and carries the version it
 * was based on ({@code base}); a refused change answers 422 (invalid) or 409 (the course moved meanwhile) with the
 * page as the instructor left it. Only instructors of the session's course get here.
 */
@Path("app/curriculum")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CurriculumEditorResource {

    private static final int UNPROCESSABLE = 422;
    /** Field types a field added in the editor may have: those that need no columns or options. */
    static final List<String> NEW_FIELD_TYPES = List.of("longText", "shortText", "list", "date", "number", "person");
    static final List<String> NEW_EXERCISE_KINDS = List.of("exercise", "reflection", "skillPractice", "wrapUp");

    @Inject
    CourseCurriculum courseCurriculum;

    @Inject
    CurriculumEditorPages pages;

    @Context
    ContainerRequestContext request;

    @Inject
    AccessPolicy policy;

    @GET
    public String overview() {
        Session session = instructor();
        return pages.overview(session, courseCurriculum.inUse(session.courseId()), null, null);
    }

    @GET
    @Path("exercises/{id}")
    public String exercise(@PathParam("id") String exerciseId) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        return pages.exerciseForm(session, inUse, draftWith(inUse, exerciseId), exerciseId, List.of(), null);
    }

    /** Saves every text, in every language, and the settings of one exercise. */
    @POST
    @Path("exercises/{id}")
    public Response saveExercise(@PathParam("id") String exerciseId, MultivaluedMap<String, String> form) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWith(inUse, exerciseId);
        List<ExerciseText> texts = draft.texts(exerciseId);
        for (int i = 0; i < texts.size(); i++) {
            draft.reword(exerciseId, texts.get(i).slot(), typed(form, "t" + i + ".", draft.languages(), texts.get(i).values()));
            for (String language : draft.languages()) {
                if (form.containsKey("c" + i + "." + language)) {
                    draft.confirmTranslation(exerciseId, texts.get(i).slot(), language);
                }
            }
        }
        draft.grading(exerciseId, form.containsKey("graded"), form.getFirst("points"));
        draft.hide(exerciseId, form.containsKey("hidden"));
        draft.due(exerciseId, form.getFirst("due"));
        return save(session, base(form), inUse, draft,
                problems -> pages.exerciseForm(session, inUse, draft, exerciseId, problems, null),
                stale -> pages.exerciseForm(session, inUse, draft, exerciseId, List.of(), stale),
                saved -> pages.overview(session, saved.version(), saved(saved), "edit-" + exerciseId));
    }

    @POST
    @Path("exercises/{id}/move")
    public Response move(@PathParam("id") String exerciseId, @FormParam("base") long base,
                         @FormParam("direction") String direction) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWith(inUse, exerciseId);
        boolean up = "up".equals(direction);
        draft.move(exerciseId, up ? -1 : 1);
        return quickChange(session, base, inUse, draft, (up ? "up-" : "down-") + exerciseId);
    }

    @POST
    @Path("exercises/{id}/visibility")
    public Response visibility(@PathParam("id") String exerciseId, @FormParam("base") long base,
                               @FormParam("hidden") boolean hidden) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWith(inUse, exerciseId);
        draft.hide(exerciseId, hidden);
        return quickChange(session, base, inUse, draft, "visibility-" + exerciseId);
    }

    @GET
    @Path("exercises/{id}/copy")
    public String copyForm(@PathParam("id") String exerciseId) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        return pages.copyForm(session, inUse, draftWith(inUse, exerciseId), exerciseId, Map.of(), null, List.of());
    }

    /** Adds a copy of the exercise under a new title, right after it, and opens the copy's form. */
    @POST
    @Path("exercises/{id}/copy")
    public Response copy(@PathParam("id") String exerciseId, MultivaluedMap<String, String> form) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWith(inUse, exerciseId);
        Map<String, String> title = typed(form, "title.", draft.languages(), Map.of());
        String copyId = draft.addCopy(exerciseId, title);
        return save(session, base(form), inUse, draft,
                problems -> pages.copyForm(session, inUse, draft, exerciseId, title, copyId, problems),
                stale -> pages.copyForm(session, inUse, draft, exerciseId, title, null, List.of()),
                saved -> pages.exerciseForm(session, saved.version(), CurriculumDraft.of(saved.version().files()),
                        copyId, List.of(), Notice.of("editor.copied", saved.version().version())));
    }

    /** Adds a field to the exercise: a type and a label in every language. */
    @POST
    @Path("exercises/{id}/fields")
    public Response addField(@PathParam("id") String exerciseId, MultivaluedMap<String, String> form) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWith(inUse, exerciseId);
        String type = form.getFirst("type");
        if (!NEW_FIELD_TYPES.contains(type)) {
            throw new BadRequestException();
        }
        draft.addField(exerciseId, type, typed(form, "label.", draft.languages(), Map.of()));
        return fieldChange(session, form, inUse, draft, exerciseId, "editor.fieldAdded");
    }

    /** Removes a field from the exercise; what students wrote in it stays stored. */
    @POST
    @Path("exercises/{id}/fields/{fieldId}/remove")
    public Response removeField(@PathParam("id") String exerciseId, @PathParam("fieldId") String fieldId,
                                MultivaluedMap<String, String> form) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWith(inUse, exerciseId);
        if (!draft.fieldIds(exerciseId).contains(fieldId)) {
            throw new NotFoundException();
        }
        draft.removeField(exerciseId, fieldId);
        return fieldChange(session, form, inUse, draft, exerciseId, "editor.fieldRemoved");
    }

    private Response fieldChange(Session session, MultivaluedMap<String, String> form, CurriculumVersion inUse,
                                 CurriculumDraft draft, String exerciseId, String done) {
        return save(session, base(form), inUse, draft,
                problems -> pages.exerciseForm(session, inUse, CurriculumDraft.of(inUse.files()), exerciseId, problems, null),
                stale -> pages.exerciseForm(session, courseCurriculum.inUse(session.courseId()),
                        CurriculumDraft.of(courseCurriculum.inUse(session.courseId()).files()), exerciseId, List.of(), stale),
                saved -> pages.exerciseForm(session, saved.version(), CurriculumDraft.of(saved.version().files()),
                        exerciseId, List.of(), Notice.of(done, saved.version().version())));
    }

    @GET
    @Path("modules/{moduleId}/new-exercise")
    public String newExerciseForm(@PathParam("moduleId") String moduleId) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWithModule(inUse, moduleId);
        return pages.newExerciseForm(session, inUse, draft, moduleId, "exercise", Map.of(), List.of());
    }

    /** Writes a new exercise at the end of the module, and opens its form to add fields and settings. */
    @POST
    @Path("modules/{moduleId}/new-exercise")
    public Response addExercise(@PathParam("moduleId") String moduleId, MultivaluedMap<String, String> form) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = draftWithModule(inUse, moduleId);
        String kind = form.getFirst("kind");
        if (!NEW_EXERCISE_KINDS.contains(kind)) {
            throw new BadRequestException();
        }
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String key : List.of("title", "prompt", "guidance", "label")) {
            texts.put(key, typed(form, key + ".", draft.languages(), Map.of()));
        }
        String id = draft.addExercise(moduleId, kind, texts);
        return save(session, base(form), inUse, draft,
                problems -> pages.newExerciseForm(session, inUse, draft, moduleId, kind, texts, problems(draft, id, problems)),
                stale -> pages.newExerciseForm(session, courseCurriculum.inUse(session.courseId()), draft, moduleId, kind,
                        texts, List.of()),
                saved -> pages.exerciseForm(session, saved.version(), CurriculumDraft.of(saved.version().files()), id,
                        List.of(), Notice.of("editor.written", saved.version().version())));
    }

    /** The course's languages: which ones, and the main one that readers of any other language see. */
    @GET
    @Path("languages")
    public String languagesForm() {
        Session session = instructor();
        return pages.languages(session, courseCurriculum.inUse(session.courseId()), null, 200);
    }

    @POST
    @Path("languages")
    public Response chooseLanguages(MultivaluedMap<String, String> form) {
        Session session = instructor();
        CurriculumVersion inUse = courseCurriculum.inUse(session.courseId());
        CurriculumDraft draft = CurriculumDraft.of(inUse.files());
        List<String> chosen = chosenLanguages(form, draft.languages());
        if (chosen.isEmpty()) {
            return html(UNPROCESSABLE, pages.languages(session, inUse, Notice.of("editor.languages.none"), UNPROCESSABLE));
        }
        draft.chooseLanguages(chosen);
        return save(session, base(form), inUse, draft,
                problems -> pages.languages(session, inUse, Notice.of("editor.refused", problems.size()), UNPROCESSABLE),
                stale -> pages.languages(session, courseCurriculum.inUse(session.courseId()), stale, 409),
                saved -> pages.languages(session, saved.version(), saved(saved), 200));
    }

    /** What changed from one of the course's versions to another, word by word. */
    @GET
    @Path("versions/compare")
    public String compare(@QueryParam("from") long from, @QueryParam("to") long to) {
        Session session = instructor();
        List<CourseVersion> versions = courseCurriculum.versionsOf(session.courseId());
        CurriculumVersion before = versionOf(versions, from);
        CurriculumVersion after = versionOf(versions, to);
        return pages.comparison(session, courseCurriculum.inUse(session.courseId()), before, after);
    }

    private static CurriculumVersion versionOf(List<CourseVersion> versions, long id) {
        return versions.stream().map(CourseVersion::version).filter(v -> v.id() == id).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("versions")
    public String versions() {
        Session session = instructor();
        return pages.versions(session, courseCurriculum.inUse(session.courseId()),
                courseCurriculum.versionsOf(session.courseId()), null);
    }

    /** Goes back to a version of the course's list: the course uses it from now on. */
    @POST
    @Path("versions/{versionId}")
    public Response goBack(@PathParam("versionId") long versionId, @FormParam("base") long base) {
        Session session = instructor();
        Notice notice;
        int status = 200;
        try {
            CurriculumVersion now = courseCurriculum.goBack(session.courseId(), base, versionId, session.personId());
            notice = Notice.of("editor.versions.wentBack", now.version());
        } catch (StaleVersionException e) {
            notice = stale(e);
            status = Response.Status.CONFLICT.getStatusCode();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        return html(status, pages.versions(session, courseCurriculum.inUse(session.courseId()),
                courseCurriculum.versionsOf(session.courseId()), notice));
    }

    private Response quickChange(Session session, long base, CurriculumVersion inUse, CurriculumDraft draft,
                                 String focus) {
        return save(session, base, inUse, draft,
                problems -> pages.overview(session, inUse, Notice.of("editor.refused", problems.size()), focus),
                stale -> pages.overview(session, courseCurriculum.inUse(session.courseId()), stale, focus),
                saved -> pages.overview(session, saved.version(), saved(saved), focus));
    }

    /**
     * Validates and saves the draft as the course's new version. The page for each outcome comes from the caller:
     * invalid (422), based on a version the course left meanwhile (409), saved (200).
     */
    private Response save(Session session, long base, CurriculumVersion inUse, CurriculumDraft draft,
                          Function<List<CurriculumProblem>, String> invalid, Function<Notice, String> stale,
                          Function<AdaptedCurriculum, String> saved) {
        List<CurriculumProblem> problems = CurriculumValidator.validate(draft.files());
        if (!problems.isEmpty()) {
            return html(UNPROCESSABLE, invalid.apply(problems));
        }
        try {
            AdaptedCurriculum adapted = courseCurriculum.adapt(session.courseId(), base, draft.files(), session.personId());
            return html(200, saved.apply(adapted));
        } catch (StaleVersionException e) {
            return html(Response.Status.CONFLICT.getStatusCode(), stale.apply(stale(e)));
        } catch (InvalidCurriculumException e) {
            return html(UNPROCESSABLE, invalid.apply(e.problems()));
        }
    }

    private static Notice saved(AdaptedCurriculum adapted) {
        return adapted.changed() ? Notice.of("editor.saved", adapted.version().version())
                : Notice.of("editor.unchanged", adapted.version().version());
    }

    private static Notice stale(StaleVersionException e) {
        return Notice.of("editor.stale", e.inUse());
    }

    /** What the form holds for each language; a language missing from the form keeps its current text. */
    private static Map<String, String> typed(MultivaluedMap<String, String> form, String prefix, List<String> languages,
                                             Map<String, String> current) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String language : languages) {
            String value = form.getFirst(prefix + language);
            typed.put(language, value != null ? value : current.getOrDefault(language, ""));
        }
        return typed;
    }

    private static long base(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(form.getFirst("base"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The languages ticked, the main one first, in the order the page offers them. */
    private static List<String> chosenLanguages(MultivaluedMap<String, String> form, List<String> current) {
        List<String> offered = CurriculumEditorPages.offeredLanguages(current);
        List<String> ticked = form.getOrDefault("language", List.of());
        String main = form.getFirst("main");
        List<String> chosen = new java.util.ArrayList<>();
        if (main != null && offered.contains(main)) {
            chosen.add(main);
        }
        offered.stream().filter(ticked::contains).filter(language -> !chosen.contains(language)).forEach(chosen::add);
        return chosen;
    }

    private static List<CurriculumProblem> problems(CurriculumDraft draft, String exerciseId, List<CurriculumProblem> found) {
        return draft.has(exerciseId) ? found : List.of();
    }

    private static CurriculumDraft draftWithModule(CurriculumVersion version, String moduleId) {
        CurriculumDraft draft = CurriculumDraft.of(version.files());
        if (!draft.moduleTitles().containsKey(moduleId)) {
            throw new NotFoundException();
        }
        return draft;
    }

    private static CurriculumDraft draftWith(CurriculumVersion version, String exerciseId) {
        CurriculumDraft draft = CurriculumDraft.of(version.files());
        if (!draft.has(exerciseId)) {
            throw new NotFoundException();
        }
        return draft;
    }

    private static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** Only an instructor of the session's course, launched as a known person, adapts its curriculum. */
    private Session instructor() {
        Session session = (Session) request.getProperty(SessionFilter.SESSION);
        if (session == null || session.personId() == null || !policy.mayManageCourse(SessionFilter.viewer(request))) {
            throw new ForbiddenException();
        }
        return session;
    }
}
