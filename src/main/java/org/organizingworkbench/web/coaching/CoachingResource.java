package org.organizingworkbench.web.coaching;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.Purpose;
import org.organizingworkbench.access.StudentWork;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.coaching.CoachingLog;
import org.organizingworkbench.coaching.Diagnosis;
import org.organizingworkbench.coaching.Feedbacks;
import org.organizingworkbench.coaching.InvalidFeedbackException;
import org.organizingworkbench.coaching.PassageComments;
import org.organizingworkbench.coaching.Attendance;
import org.organizingworkbench.coaching.SectionMeetings;
import org.organizingworkbench.coaching.Triads;
import org.organizingworkbench.coaching.PeerCommenting;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.web.BearerToken;
import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.SessionFilter;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.WorkbookAccess;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section coaching over HTTP, under {@code /app/coaching}. Every request asks the access policy about the very
 * student it names (a Fellow reaches only the students of their sections unless the course widened their scope;
 * a student only themself) and answers 404 for anyone else's, so nothing of another section is told apart from
 * nothing at all. Private coaching notes are never read for a student's answer.
 */
@Path("app/coaching")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CoachingResource {

    @Inject
    AccessPolicy policy;

    @Inject
    WorkbookAccess workbooks;

    @Inject
    Feedbacks feedbacks;

    @Inject
    CoachingLog log;

    @Inject
    PassageComments comments;

    @Inject
    SectionMeetings meetingsOf;

    @Inject
    Triads triads;

    @Inject
    PeerCommenting peerCommenting;

    @Inject
    CurriculumVersions curricula;

    @Inject
    CoachingPages pages;

    @Context
    ContainerRequestContext request;

    /** The section dashboard with the grading queue and due follow-ups (staff). */
    @GET
    public String dashboard() {
        Viewer viewer = staff();
        return pages.dashboard(viewer, session(), token());
    }

    /** The feedback part of a student's exercise page, for the student or staff who may read the work. */
    @GET
    @Path("learners/{learner}/exercises/{exercise}/feedback")
    public String feedback(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId) {
        Viewer viewer = viewer();
        Author author = reach(viewer, learnerId, exerciseId, Purpose.READ);
        Exercise exercise = exercise(viewer, exerciseId);
        if (viewer.membershipId() == learnerId) {
            feedbacks.seen(learnerId, exerciseId);
        }
        return pages.feedback(viewer, author, exercise, locale(), null, null);
    }

    /** Staff keep feedback as a draft ({@code action=save}) or release it to the student ({@code action=release}). */
    @POST
    @Path("learners/{learner}/exercises/{exercise}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grade(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId,
                          MultivaluedMap<String, String> form) {
        Viewer viewer = viewer();
        Author author = reach(viewer, learnerId, exerciseId, Purpose.GRADE);
        Exercise exercise = exercise(viewer, exerciseId);
        try {
            pages.save(viewer, author, exercise, form);
            String notice = "save";
            if ("release".equals(form.getFirst("action"))) {
                notice = feedbacks.release(viewer.courseId(), learnerId, exerciseId) > 0 ? "releasedToLms" : "released";
            }
            return Response.ok(pages.feedback(viewer, author, exercise, locale(), notice, null)).build();
        } catch (InvalidFeedbackException e) {
            return Response.status(422).entity(pages.feedback(viewer, author, exercise, locale(), null, e.reason())).build();
        }
    }

    /** An answer under released feedback: the student's own, or staff's who may comment on the work. */
    @POST
    @Path("learners/{learner}/exercises/{exercise}/feedback/replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId,
                          MultivaluedMap<String, String> form) {
        Viewer viewer = viewer();
        Author author = reach(viewer, learnerId, exerciseId, Purpose.COMMENT);
        Exercise exercise = exercise(viewer, exerciseId);
        try {
            feedbacks.reply(viewer.courseId(), learnerId, exerciseId, viewer.membershipId(), form.getFirst("body"));
            return Response.ok(pages.feedback(viewer, author, exercise, locale(), "replied", null)).build();
        } catch (InvalidFeedbackException e) {
            return Response.status(422).entity(pages.feedback(viewer, author, exercise, locale(), null, e.reason())).build();
        }
    }

    /** Starts a comment thread on a passage (field, quote, hint, body) of the student's entry. */
    @POST
    @Path("learners/{learner}/exercises/{exercise}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId,
                            MultivaluedMap<String, String> form) {
        return commenting(learnerId, exerciseId, "commented", (viewer, author, exercise) ->
                pages.comment(viewer, author, exercise, form));
    }

    @POST
    @Path("learners/{learner}/exercises/{exercise}/comments/{thread}/replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replyToComment(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId,
                                   @PathParam("thread") long threadId, MultivaluedMap<String, String> form) {
        return commenting(learnerId, exerciseId, "replied", (viewer, author, exercise) -> found(
                comments.reply(viewer.courseId(), learnerId, exerciseId, threadId, viewer.membershipId(), form.getFirst("body"))));
    }

    /** Resolves a thread ({@code resolved=true}) or opens it again. */
    @POST
    @Path("learners/{learner}/exercises/{exercise}/comments/{thread}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId,
                            @PathParam("thread") long threadId, MultivaluedMap<String, String> form) {
        boolean resolved = !"false".equals(form.getFirst("resolved"));
        return commenting(learnerId, exerciseId, resolved ? "resolved" : "reopened", (viewer, author, exercise) -> found(
                comments.resolve(viewer.courseId(), learnerId, exerciseId, threadId, resolved)));
    }

    /** The instructor turns peers' comments on passages on ({@code allowed=true}) or off. */
    @POST
    @Path("settings/peer-comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String allowPeerComments(MultivaluedMap<String, String> form) {
        Viewer viewer = staff();
        if (!policy.mayManageCourse(viewer)) {
            throw new ForbiddenException();
        }
        boolean allowed = "true".equals(form.getFirst("allowed"));
        peerCommenting.allow(viewer.courseId(), allowed);
        return pages.peerSetting(viewer, locale(), allowed ? "peerCommentsOn" : "peerCommentsOff");
    }

    /** A classmate's comment form on an exercise they may read, where the course allows peers to comment; 404 otherwise. */
    @GET
    @Path("learners/{learner}/exercises/{exercise}/peer-comments")
    public String peerCommentForm(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId) {
        Viewer viewer = peer(learnerId, exerciseId);
        return pages.peerComment(viewer, learnerId, exercise(viewer, exerciseId), locale(), null, null);
    }

    /** A classmate starts a thread on a passage of the submitted entry (field, quote, hint, body). */
    @POST
    @Path("learners/{learner}/exercises/{exercise}/peer-comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response peerComment(@PathParam("learner") long learnerId, @PathParam("exercise") String exerciseId,
                                MultivaluedMap<String, String> form) {
        Viewer viewer = peer(learnerId, exerciseId);
        Exercise exercise = exercise(viewer, exerciseId);
        try {
            pages.peerComment(viewer, learnerId, exercise, form);
            return Response.ok(pages.peerComment(viewer, learnerId, exercise, locale(), "commented", null)).build();
        } catch (InvalidFeedbackException e) {
            return Response.status(422).entity(pages.peerComment(viewer, learnerId, exercise, locale(), null, e.reason()))
                    .build();
        }
    }

    private Viewer peer(long learnerId, String exerciseId) {
        Viewer viewer = viewer();
        if (!policy.mayCommentAsPeer(viewer, StudentWork.exercise(learnerId, exerciseId))) {
            throw new NotFoundException();
        }
        return viewer;
    }

    private interface CommentAction {
        void run(Viewer viewer, Author author, Exercise exercise);
    }

    private Response commenting(long learnerId, String exerciseId, String notice, CommentAction action) {
        Viewer viewer = viewer();
        Author author = reach(viewer, learnerId, exerciseId, Purpose.COMMENT);
        Exercise exercise = exercise(viewer, exerciseId);
        try {
            action.run(viewer, author, exercise);
            return Response.ok(pages.feedback(viewer, author, exercise, locale(), notice, null)).build();
        } catch (InvalidFeedbackException e) {
            return Response.status(422).entity(pages.feedback(viewer, author, exercise, locale(), null, e.reason())).build();
        }
    }

    private static void found(boolean changed) {
        if (!changed) {
            throw new NotFoundException();
        }
    }

    /** A student's coaching log, every note (staff). */
    @GET
    @Path("learners/{learner}")
    public String coachingLog(@PathParam("learner") long learnerId) {
        Viewer viewer = staff();
        Author author = reach(viewer, learnerId, null, Purpose.COMMENT);
        policy.opened(viewer, StudentWork.workbookOf(learnerId), "coaching");
        return pages.log(viewer, author, session(), token(), null, null);
    }

    @POST
    @Path("learners/{learner}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@PathParam("learner") long learnerId, MultivaluedMap<String, String> form) {
        Viewer viewer = staff();
        Author author = reach(viewer, learnerId, null, Purpose.COMMENT);
        try {
            log.add(viewer.courseId(), learnerId, viewer.membershipId(), draft(form));
            return Response.ok(pages.notes(viewer, author, locale(), "noteAdded", null)).build();
        } catch (InvalidFeedbackException e) {
            return Response.status(422).entity(pages.notes(viewer, author, locale(), null, e.reason())).build();
        }
    }

    @POST
    @Path("learners/{learner}/notes/{note}/followed-up")
    public String followedUp(@PathParam("learner") long learnerId, @PathParam("note") long noteId) {
        Viewer viewer = staff();
        Author author = reach(viewer, learnerId, null, Purpose.COMMENT);
        if (!log.followedUp(viewer.courseId(), learnerId, noteId)) {
            throw new NotFoundException();
        }
        return pages.notes(viewer, author, locale(), "followedUp", null);
    }

    /** The student confirms the commitment of a note shared with them. */
    @POST
    @Path("notes/{note}/confirm")
    public String confirm(@PathParam("note") long noteId) {
        Viewer viewer = viewer();
        if (!viewer.isLearner() || !log.confirm(viewer.courseId(), viewer.membershipId(), noteId)) {
            throw new NotFoundException();
        }
        return pages.home(viewer, locale());
    }

    /** A section's weekly meetings: instructors for every section, Fellows for the sections they may see. */
    @GET
    @Path("sections/{section}/meetings")
    public String meetings(@PathParam("section") long sectionId) {
        Viewer viewer = section(sectionId);
        return pages.meetings(viewer, sectionId, session(), token(), locale(), null, null);
    }

    @POST
    @Path("sections/{section}/meetings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response planMeeting(@PathParam("section") long sectionId, MultivaluedMap<String, String> form) {
        Viewer viewer = section(sectionId);
        try {
            LocalDate heldOn = LocalDate.parse(String.valueOf(form.getFirst("heldOn")).strip());
            meetingsOf.plan(viewer.courseId(), sectionId, heldOn, form.getFirst("plan"), viewer.membershipId());
            return Response.ok(pages.meetings(viewer, sectionId, null, null, locale(), "meetingPlanned", null)).build();
        } catch (DateTimeParseException | InvalidFeedbackException e) {
            return Response.status(422).entity(pages.meetings(viewer, sectionId, null, null, locale(), null, "meetingDate"))
                    .build();
        }
    }

    /** Attendance at one meeting: a field {@code a.<student id>} per student, PRESENT, ABSENT or EXCUSED. */
    @POST
    @Path("sections/{section}/meetings/{meeting}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String attendance(@PathParam("section") long sectionId, @PathParam("meeting") long meetingId,
                             MultivaluedMap<String, String> form) {
        Viewer viewer = section(sectionId);
        Map<Long, Attendance> marks = new HashMap<>();
        form.forEach((key, values) -> {
            if (key.matches("a\\.\\d{1,18}") && !values.isEmpty()) {
                try {
                    marks.put(Long.parseLong(key.substring(2)), Attendance.valueOf(values.get(0)));
                } catch (IllegalArgumentException ignored) {
                    // a status the form never offers: no mark
                }
            }
        });
        if (meetingsOf.attend(viewer.courseId(), sectionId, meetingId, marks) < 0) {
            throw new NotFoundException();
        }
        return pages.meetings(viewer, sectionId, null, null, locale(), "attendanceSaved", null);
    }

    /** A section's triads for skill practice: the staff who may see the section. */
    @GET
    @Path("sections/{section}/triads")
    public String triads(@PathParam("section") long sectionId) {
        Viewer viewer = section(sectionId);
        return pages.triads(viewer, sectionId, session(), token(), locale(), null, null);
    }

    /** Forms a triad: {@code seat0..seat2} (students, the first coaches first), {@code startsOn}, {@code roundDays}, {@code rounds}. */
    @POST
    @Path("sections/{section}/triads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response formTriad(@PathParam("section") long sectionId, MultivaluedMap<String, String> form) {
        Viewer viewer = section(sectionId);
        try {
            List<Long> seats = new ArrayList<>();
            for (int seat = 0; seat < 3; seat++) {
                seats.add(Long.parseLong(String.valueOf(form.getFirst("seat" + seat)).strip()));
            }
            boolean formed = triads.form(viewer.courseId(), sectionId, seats,
                    LocalDate.parse(String.valueOf(form.getFirst("startsOn")).strip()),
                    Integer.parseInt(String.valueOf(form.getFirst("roundDays")).strip()),
                    Integer.parseInt(String.valueOf(form.getFirst("rounds")).strip()), viewer.membershipId()).isPresent();
            if (formed) {
                return Response.ok(pages.triads(viewer, sectionId, null, null, locale(), "triadFormed", null)).build();
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // falls through to the refusal below
        }
        return Response.status(422).entity(pages.triads(viewer, sectionId, null, null, locale(), null, "triad")).build();
    }

    /** A student records the feedback they received and gave in a round of their own triad; 404 for any other. */
    @POST
    @Path("triads/{triad}/rounds/{round}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordTriad(@PathParam("triad") long triadId, @PathParam("round") int round,
                                MultivaluedMap<String, String> form) {
        Viewer viewer = viewer();
        if (!viewer.isLearner() || !policy.allows(viewer, Purpose.COMMENT, StudentWork.workbookOf(viewer.membershipId()))) {
            throw new NotFoundException();
        }
        try {
            if (!triads.record(viewer.courseId(), viewer.membershipId(), triadId, round, form.getFirst("received"),
                    form.getFirst("gave"))) {
                throw new NotFoundException();
            }
            return Response.ok(pages.home(viewer, locale())).build();
        } catch (InvalidFeedbackException e) {
            return Response.status(422).entity(pages.home(viewer, locale())).build();
        }
    }

    private Viewer section(long sectionId) {
        Viewer viewer = staff();
        if (!policy.maySeeSection(viewer, sectionId)) {
            throw new NotFoundException();
        }
        return viewer;
    }

    /** The coaching part of the home page. */
    @GET
    @Path("home")
    public String home() {
        return pages.home(viewer(), locale());
    }

    private static CoachingLog.Draft draft(MultivaluedMap<String, String> form) {
        Diagnosis diagnosis;
        LocalDate followUp;
        try {
            diagnosis = Diagnosis.valueOf(String.valueOf(form.getFirst("diagnosis")));
            String date = form.getFirst("followUpOn");
            followUp = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidFeedbackException("noteIncomplete");
        }
        return new CoachingLog.Draft(form.getFirst("observation"), diagnosis, form.getFirst("intervention"),
                form.getFirst("commitment"), followUp, "shared".equals(form.getFirst("visibility")));
    }

    /**
     * The student the request names, if the policy lets this viewer do this with their work; 404 otherwise, the
     * same answer as for a student who does not exist.
     */
    private Author reach(Viewer viewer, long learnerId, String exerciseId, Purpose purpose) {
        StudentWork work = exerciseId == null ? StudentWork.workbookOf(learnerId) : StudentWork.exercise(learnerId, exerciseId);
        if (!policy.allows(viewer, purpose, work)) {
            throw new NotFoundException();
        }
        return viewer.membershipId() == learnerId ? workbooks.own(viewer).orElseThrow(NotFoundException::new)
                : workbooks.readable(viewer, learnerId).orElseThrow(NotFoundException::new);
    }

    /** An exercise of the course's curriculum; hidden ones only for staff. */
    private Exercise exercise(Viewer viewer, String exerciseId) {
        Exercise exercise = curricula.curriculumOf(viewer.courseId()).exercise(exerciseId).orElseThrow(NotFoundException::new);
        if (exercise.hidden() && !viewer.isStaff()) {
            throw new NotFoundException();
        }
        return exercise;
    }

    private Viewer staff() {
        Viewer viewer = viewer();
        if (!policy.isStaff(viewer)) {
            throw new ForbiddenException();
        }
        return viewer;
    }

    private Viewer viewer() {
        return SessionFilter.viewer(request);
    }

    private Session session() {
        return (Session) request.getProperty(SessionFilter.SESSION);
    }

    private String token() {
        return BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElseThrow();
    }

    private Locale locale() {
        return Locales.choose(session().locale());
    }

    static Map<String, String> rubricChoices(MultivaluedMap<String, String> form) {
        Map<String, String> chosen = new HashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("rubric.") && !values.isEmpty() && values.get(0) != null) {
                chosen.put(key.substring("rubric.".length()), values.get(0));
            }
        });
        return chosen;
    }
}
