package org.organizingworkbench.web.workbook;

import org.organizingworkbench.web.BearerToken;
import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.web.SessionFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.StudentWork;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.AnswerText;
import org.organizingworkbench.workbook.AnswerValue;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.InvalidAnswerException;
import org.organizingworkbench.workbook.Revision;
import org.organizingworkbench.workbook.SaveOutcome;
import org.organizingworkbench.workbook.Submission;
import org.organizingworkbench.workbook.WorkbookAccess;
import org.organizingworkbench.workbook.Workbooks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.organizingworkbench.view.Templates;

/**
 * The project workbook over HTTP. A student reads and writes their own under {@code /app/workbook}; staff read a
 * student's under {@code /app/learners/{id}/workbook}. Every request is checked by {@link WorkbookAccess} against
 * the session's course and membership, whatever the page offered: a workbook or exercise the reader may not see
 * answers 404.
 */
@Path("app")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class WorkbookResource {

    private static final Pattern SAVE_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    @Inject
    Workbooks workbooks;

    @Inject
    WorkbookAccess access;

    @Inject
    WorkbookPages pages;

    @Inject
    CurriculumVersions curricula;

    @Inject
    Templates templates;

    @Inject
    WorkbookDocuments documents;

    @Inject
    MetPeopleNames metPeople;


    @Context
    ContainerRequestContext request;

    @Inject
    AccessPolicy policy;

    @GET
    @Path("workbook")
    public String ownOverview(@jakarta.ws.rs.QueryParam("module") Integer module) {
        if (!viewer().isLearner()) {
            return learners();
        }
        return pages.overviewPage(page(own(), true), module);
    }

    @GET
    @Path("learners")
    public String learners() {
        Session session = session();
        Viewer viewer = viewer();
        if (!policy.isStaff(viewer)) {
            throw new NotFoundException();
        }
        PageContext page = PageContext.of(session, token());
        return templates.render("learners", locale(session), new LearnersView(access.readableBy(viewer),
                workbooks.progress(viewer.courseId()), AnswerView.INSTANCE, page.authHeaders(), page.role()));
    }

    @GET
    @Path("learners/{author}/workbook")
    public String learnerOverview(@PathParam("author") long authorId, @jakarta.ws.rs.QueryParam("module") Integer module) {
        return pages.overviewPage(page(readable(authorId, "workbook"), false), module);
    }

    @GET
    @Path("workbook/exercises/{exercise}")
    public String ownExercise(@PathParam("exercise") String exerciseId) {
        return exercisePage(own(), true, exerciseId, ExerciseOutcome.NONE);
    }

    @GET
    @Path("learners/{author}/workbook/exercises/{exercise}")
    public String learnerExercise(@PathParam("author") long authorId, @PathParam("exercise") String exerciseId) {
        return exercisePage(readable(authorId, "exercise:" + exerciseId), false, exerciseId, ExerciseOutcome.NONE);
    }

    /** The learner's work on the exercise without the page around it: what submission review loads into its page. */
    @GET
    @Path("learners/{author}/workbook/exercises/{exercise}/work")
    public String learnerExerciseWork(@PathParam("author") long authorId, @PathParam("exercise") String exerciseId) {
        return exercisePage(readable(authorId, "exercise:" + exerciseId), false, exerciseId,
                ExerciseOutcome.WORK_ONLY);
    }

    /**
     * Autosave. Body: {@code {"base": n, "value": …, "saveId": "…"}}. 200 with the new revision; 409 with the newer
     * saved value (and both texts) when {@code base} is not the latest; 422 when the value does not fit the field.
     */
    @PUT
    @Path("workbook/exercises/{exercise}/fields/{field}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("exercise") String exerciseId, @PathParam("field") String fieldId, String body) {
        Session session = session();
        Author author = own();
        Exercise exercise = visibleExercise(author, exerciseId, true);
        Field field = field(exercise, fieldId);
        JsonNode request;
        try {
            request = AnswerValue.JSON.readTree(body);
        } catch (Exception e) {
            return json(422, error("answer.wrongShape", session));
        }
        int base = request.path("base").asInt(-1);
        String saveId = request.path("saveId").asText("");
        if (base < 0 || !SAVE_ID.matcher(saveId).matches()) {
            return json(422, error("answer.wrongShape", session));
        }
        try {
            SaveOutcome outcome = workbooks.save(author, exercise, field, base, request.get("value"), saveId,
                    session.membershipId());
            return outcome(outcome, field, request.get("value"), session);
        } catch (InvalidAnswerException e) {
            return json(422, error(e.reason(), session));
        }
    }

    /** The whole workbook as a document to print (the same as the PDF), inside the tool. */
    @GET
    @Path("workbook/print")
    public String ownPrint() {
        return printPage(own(), true);
    }

    @GET
    @Path("learners/{author}/workbook/print")
    public String learnerPrint(@PathParam("author") long authorId) {
        return printPage(readable(authorId, "print"), false);
    }

    /** The exercise's diagram (team snowflake, campaign timeline, targets), redrawn after saves. */
    @GET
    @Path("workbook/exercises/{exercise}/diagram")
    public String ownDiagram(@PathParam("exercise") String exerciseId) {
        return diagram(own(), true, exerciseId);
    }

    @GET
    @Path("learners/{author}/workbook/exercises/{exercise}/diagram")
    public String learnerDiagram(@PathParam("author") long authorId, @PathParam("exercise") String exerciseId) {
        return diagram(readable(authorId, "diagram:" + exerciseId), false, exerciseId);
    }

    @GET
    @Path("workbook/exercises/{exercise}/fields/{field}/history")
    public String ownHistory(@PathParam("exercise") String exerciseId, @PathParam("field") String fieldId) {
        return history(own(), true, exerciseId, fieldId);
    }

    @GET
    @Path("learners/{author}/workbook/exercises/{exercise}/fields/{field}/history")
    public String learnerHistory(@PathParam("author") long authorId, @PathParam("exercise") String exerciseId,
                                 @PathParam("field") String fieldId) {
        return history(readable(authorId, "history:" + exerciseId + "/" + fieldId), false, exerciseId, fieldId);
    }

    /** Brings back an old revision; refused (and said so) when the answer changed since the page was loaded. */
    @POST
    @Path("workbook/exercises/{exercise}/fields/{field}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String restore(@PathParam("exercise") String exerciseId, @PathParam("field") String fieldId,
                          @FormParam("revision") int revision, @FormParam("base") int base) {
        Session session = session();
        Author author = own();
        Exercise exercise = visibleExercise(author, exerciseId, true);
        Field field = field(exercise, fieldId);
        SaveOutcome outcome = workbooks.restore(author, exercise, field, revision, base, session.membershipId());
        String notice = outcome instanceof SaveOutcome.Saved ? "restore.done" : "restore.conflict";
        return exercisePage(author, true, exerciseId, ExerciseOutcome.notice(notice, revision));
    }

    @POST
    @Path("workbook/exercises/{exercise}/submit")
    public String submit(@PathParam("exercise") String exerciseId) {
        Author author = own();
        Exercise exercise = visibleExercise(author, exerciseId, true);
        try {
            Submission submission = workbooks.submit(author, exercise, Instant.now());
            return exercisePage(author, true, exerciseId, ExerciseOutcome.notice(
                    submission.late() ? "submit.doneLate" : "submit.done", submission.number()));
        } catch (InvalidAnswerException e) {
            Curriculum curriculum = curricula.curriculumOf(author.courseId());
            List<String> missing = exercise.fields().stream().filter(f -> e.fields().contains(f.id()))
                    .map(f -> f.label().in(locale(session()).getLanguage(), curriculum.defaultLanguage())).toList();
            return exercisePage(author, true, exerciseId, ExerciseOutcome.problem(e.reason(), missing));
        }
    }

    private String exercisePage(Author author, boolean own, String exerciseId, ExerciseOutcome outcome) {
        return pages.exercisePage(page(author, own), exerciseId, outcome);
    }

    private String printPage(Author author, boolean own) {
        Session session = session();
        return templates.render("workbook-printable", locale(session), page(author, own).frame(),
                new PrintableWorkbook(org.organizingworkbench.export.PrintedWorkbook.of(
                        documents.of(author, session.courseTitle(), locale(session), own))));
    }

    private String diagram(Author author, boolean own, String exerciseId) {
        Exercise exercise = visibleExercise(author, exerciseId, own);
        String svg = new org.organizingworkbench.export.ExerciseDiagrams(locale(session()),
                curricula.curriculumOf(author.courseId()).defaultLanguage())
                .svg(exercise, WorkbookDocuments.values(workbooks.answers(author, exerciseId))).orElse("");
        return templates.render("fragments/diagram", locale(session()), new Diagram(svg));
    }

    private String history(Author author, boolean own, String exerciseId, String fieldId) {
        Exercise exercise = visibleExercise(author, exerciseId, own);
        Field field = field(exercise, fieldId);
        Curriculum curriculum = curricula.curriculumOf(author.courseId());
        String language = locale(session()).getLanguage();
        List<Revision> revisions = metPeople.revisions(author.courseId(), own, exercise, field,
                workbooks.history(author, exerciseId, fieldId), locale(session()));
        Submission submitted = workbooks.latestSubmissions(author).get(exerciseId);
        FieldHistory history = new FieldHistory(
                WorkbookPages.field(field, new WorkbookPages.Text(curriculum, locale(session())), null, Map.of()),
                RevisionComparison.of(revisions, field, language, curriculum.defaultLanguage()),
                revisions.isEmpty() ? 0 : revisions.get(0).number(),
                submitted == null ? null : submitted.revisions().get(fieldId),
                submitted == null ? null : submitted.number(), exerciseId);
        return templates.render("fragments/history", locale(session()), page(author, own).frame(), history);
    }

    private Response outcome(SaveOutcome outcome, Field field, JsonNode mine, Session session) {
        ObjectNode answer = AnswerValue.JSON.createObjectNode();
        if (outcome instanceof SaveOutcome.Saved saved) {
            answer.put("revision", saved.revision());
            answer.put("savedAt", saved.savedAt().toString());
            return json(200, answer);
        }
        Answer current = ((SaveOutcome.Conflict) outcome).current();
        String language = locale(session).getLanguage();
        Curriculum curriculum = curricula.curriculumOf(session.courseId());
        answer.put("revision", current.revision());
        answer.put("savedAt", current.savedAt().toString());
        answer.set("value", current.value());
        answer.put("theirs", AnswerText.of(field, current.value(), language, curriculum.defaultLanguage()));
        answer.put("mine", AnswerText.of(field, AnswerValue.normalise(field, mine), language, curriculum.defaultLanguage()));
        return json(409, answer);
    }

    private ObjectNode error(String reason, Session session) {
        ObjectNode error = AnswerValue.JSON.createObjectNode();
        error.put("error", reason);
        error.put("message", templates.message("workbook.error." + reason, locale(session)));
        return error;
    }

    private static Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(AnswerValue.write(body)).build();
    }

    private Exercise visibleExercise(Author author, String exerciseId, boolean own) {
        return WorkbookPages.visibleExercise(curricula.curriculumOf(author.courseId()), exerciseId, own);
    }

    private static Field field(Exercise exercise, String fieldId) {
        return exercise.fields().stream().filter(f -> f.id().equals(fieldId)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private WorkbookPages.Page page(Author author, boolean own) {
        PageContext page = PageContext.of(session(), token());
        return new WorkbookPages.Page(page.locale(), author, own, viewer().isStaff(), page.authHeaders(), page.role());
    }

    private Author own() {
        return access.own(viewer()).orElseThrow(NotFoundException::new);
    }

    /**
     * Staff's way into a student's workbook (a student uses their own address), recorded as read.
     *
     * @param what what the page shows of it, for the student's record of who read their work
     */
    private Author readable(long authorId, String what) {
        Viewer viewer = viewer();
        if (!policy.isStaff(viewer)) {
            throw new NotFoundException();
        }
        Author author = access.readable(viewer, authorId).orElseThrow(NotFoundException::new);
        policy.opened(viewer, StudentWork.workbookOf(authorId), what);
        return author;
    }

    private Viewer viewer() {
        return SessionFilter.viewer(request);
    }

    /** The session's token as this request carried it (SessionFilter has checked it). */
    private String token() {
        return BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElseThrow();
    }

    private Session session() {
        return (Session) request.getProperty(SessionFilter.SESSION);
    }

    private static Locale locale(Session session) {
        return Locales.choose(session.locale());
    }
}
