package org.organizingworkbench.web.review;

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
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.grading.Grades;
import org.organizingworkbench.grading.InvalidGradeException;
import org.organizingworkbench.review.Assignment;
import org.organizingworkbench.review.ReviewScores;
import org.organizingworkbench.review.InvalidRoundException;
import org.organizingworkbench.review.PeerReviewRound;
import org.organizingworkbench.review.ReviewForm;
import org.organizingworkbench.review.ReviewForms;
import org.organizingworkbench.review.ReviewRounds;
import org.organizingworkbench.review.ReviewScope;
import org.organizingworkbench.review.Reviews;
import org.organizingworkbench.review.RoundMember;
import org.organizingworkbench.review.RoundSettings;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.BearerToken;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.web.SessionFilter;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.AnswerValue;
import org.organizingworkbench.workbook.InvalidAnswerException;
import org.organizingworkbench.workbook.SaveOutcome;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Peer review over HTTP. Students: {@code /app/reviews} (pieces to review, reviews of their work), a piece by the
 * assignment's id (never the author's), autosave, submit; their round's reviews, rating, flag and revision plan.
 * Staff: rounds (create, settings, release), who reviews whom, reassign, add a reviewer, excuse, read any review.
 * Every request is checked against the session's viewer through the {@link AccessPolicy}: anything not theirs
 * answers 404, whatever the page offered.
 */
@Path("app/reviews")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ReviewResource {

    private static final Pattern SAVE_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    @Inject
    ReviewRounds rounds;

    @Inject
    Reviews reviews;

    @Inject
    ReviewPages pages;

    @Inject
    AccessPolicy policy;

    @Inject
    CurriculumVersions curricula;

    @Inject
    Templates templates;

    @Inject
    Clock clock;

    @Inject
    Grades grades;

    @Context
    ContainerRequestContext request;

    @GET
    public String overview() {
        return list(null);
    }

    private String list(String notice) {
        Viewer viewer = viewer();
        return pages.list(page(), viewer.courseId(), viewer.membershipId(), viewer.isStaff(), notice);
    }

    // ---- the reviewer

    @GET
    @Path("assignments/{id}")
    public String assignment(@PathParam("id") long id) {
        return reviewPage(readable(id), ReviewOutcome.NONE);
    }

    @PUT
    @Path("assignments/{id}/answers/{prompt}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") long id, @PathParam("prompt") String promptId, String body) {
        Assignment assignment = ownAssignment(id);
        Field prompt = ReviewForms.shipped().forExercise(assignment.exerciseId()).prompt(promptId)
                .orElseThrow(NotFoundException::new);
        JsonNode json;
        try {
            json = AnswerValue.JSON.readTree(body);
        } catch (Exception e) {
            return json(422, error("answer.wrongShape"));
        }
        int base = json == null ? -1 : json.path("base").asInt(-1);
        String saveId = json == null ? "" : json.path("saveId").asText("");
        if (base < 0 || !SAVE_ID.matcher(saveId).matches()) {
            return json(422, error("answer.wrongShape"));
        }
        try {
            SaveOutcome outcome = reviews.save(assignment, prompt, base, json.get("value"), saveId);
            ObjectNode answer = AnswerValue.JSON.createObjectNode();
            if (outcome instanceof SaveOutcome.Saved saved) {
                answer.put("revision", saved.revision());
                answer.put("savedAt", saved.savedAt().toString());
                return json(200, answer);
            }
            Answer current = ((SaveOutcome.Conflict) outcome).current();
            answer.put("revision", current.revision());
            answer.put("savedAt", current.savedAt().toString());
            answer.set("value", current.value());
            answer.put("theirs", current.value().asText(""));
            answer.put("mine", json.path("value").asText(""));
            return json(409, answer);
        } catch (InvalidAnswerException e) {
            return json(422, error(e.reason()));
        }
    }

    @POST
    @Path("assignments/{id}/submit")
    public String submit(@PathParam("id") long id) {
        Assignment assignment = ownAssignment(id);
        ReviewForm form = ReviewForms.shipped().forExercise(assignment.exerciseId());
        try {
            reviews.submit(assignment, form);
            return reviewPage(ownAssignment(id), ReviewOutcome.notice("review.submitted"));
        } catch (InvalidAnswerException e) {
            return reviewPage(assignment, ReviewOutcome.problem("review.problem." + e.reason(), List.copyOf(e.fields())));
        }
    }

    // ---- the author

    @GET
    @Path("rounds/{round}/mine")
    public String mine(@PathParam("round") long roundId) {
        return receivedPage(roundId, null);
    }

    @POST
    @Path("received/{id}/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String rate(@PathParam("id") long id, @FormParam("helpfulness") int helpfulness) {
        Assignment review = received(id);
        try {
            reviews.rate(review, viewer().membershipId(), helpfulness);
            return receivedPage(review.roundId(), "review.rated");
        } catch (InvalidRoundException e) {
            return receivedPage(review.roundId(), "review.problem." + e.reason());
        }
    }

    @POST
    @Path("received/{id}/flag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String flag(@PathParam("id") long id, @FormParam("note") String note) {
        Assignment review = received(id);
        try {
            reviews.flag(review, viewer().membershipId(), note);
            return receivedPage(review.roundId(), "review.flagged");
        } catch (InvalidRoundException e) {
            return receivedPage(review.roundId(), "review.problem." + e.reason());
        }
    }

    @POST
    @Path("rounds/{round}/plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String plan(@PathParam("round") long roundId, @FormParam("plan") String plan) {
        Viewer viewer = viewer();
        ownRound(roundId);
        try {
            rounds.plan(roundId, viewer.membershipId(), plan);
            return receivedPage(roundId, "review.planSaved");
        } catch (InvalidRoundException e) {
            return receivedPage(roundId, "review.problem." + e.reason());
        }
    }

    // ---- staff

    @POST
    @Path("rounds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String create(@FormParam("exercise") String exerciseId) {
        Viewer viewer = instructor();
        if (exerciseId == null || curricula.curriculumOf(viewer.courseId()).exercise(exerciseId).isEmpty()) {
            throw new NotFoundException();
        }
        try {
            PeerReviewRound round = rounds.create(viewer.courseId(), exerciseId, RoundSettings.defaults(clock.instant()),
                    viewer.membershipId());
            return roundPage(round.id(), "review.created");
        } catch (InvalidRoundException e) {
            return list("review.problem." + e.reason());
        }
    }

    /**
     * "Start a peer review round" on an exercise's staff view: the exercise's round when it has one, else the round
     * creation with the exercise chosen.
     */
    @GET
    @Path("exercises/{exercise}")
    public String forExercise(@PathParam("exercise") String exerciseId) {
        Viewer viewer = staff();
        if (curricula.curriculumOf(viewer.courseId()).exercise(exerciseId).isEmpty()) {
            throw new NotFoundException();
        }
        Optional<PeerReviewRound> round = rounds.roundOf(viewer.courseId(), exerciseId);
        if (round.isPresent()) {
            return round(round.get().id());
        }
        return pages.list(page(), viewer.courseId(), viewer.membershipId(), true, exerciseId, null);
    }

    @GET
    @Path("rounds/{round}")
    public String round(@PathParam("round") long roundId) {
        Viewer viewer = staff();
        rounds.sweep(viewer.courseId(), staffRound(roundId).id());
        return roundPage(roundId, null);
    }

    @POST
    @Path("rounds/{round}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String configure(@PathParam("round") long roundId, @FormParam("reviewers") int reviewers,
                            @FormParam("scope") String scope, @FormParam("anonymous") String anonymous,
                            @FormParam("due") String due, @FormParam("grace") int grace,
                            @FormParam("workWeight") int workWeight, @FormParam("reviewWeight") int reviewWeight,
                            @FormParam("workLink") long workLink, @FormParam("reviewLink") long reviewLink) {
        Viewer viewer = instructor();
        PeerReviewRound round = staffRound(roundId);
        try {
            RoundSettings settings = new RoundSettings(reviewers, scope(scope), "yes".equals(anonymous), due(due), grace,
                    workWeight, reviewWeight, link(viewer, workLink), link(viewer, reviewLink));
            rounds.configure(viewer.courseId(), roundId, settings);
            return roundPage(roundId, "review.saved");
        } catch (InvalidRoundException e) {
            return roundPage(roundId, "review.problem." + e.reason());
        }
    }

    /**
     * Records each student's two grades (ReviewScores) on the activities the round names; the grading outbox sends
     * them to the LMS. Students the LMS would refuse (no longer learners) are skipped and counted.
     */
    @POST
    @Path("rounds/{round}/grades")
    public String grades(@PathParam("round") long roundId) {
        Viewer viewer = instructor();
        PeerReviewRound round = staffRound(roundId);
        RoundSettings s = round.settings();
        if (s.workLinkId() == null && s.reviewLinkId() == null) {
            return roundPage(roundId, "review.problem.noLinks");
        }
        List<Assignment> pairs = rounds.assignments(viewer.courseId(), roundId);
        int recorded = 0;
        for (RoundMember m : rounds.members(roundId, "TRUE")) {
            List<Assignment> handed = pairs.stream().filter(a -> a.reviewerId() == m.membershipId()).toList();
            recorded += record(viewer, s.workLinkId(), m, ReviewScores.work(m, s.workWeight()), s.workWeight());
            recorded += record(viewer, s.reviewLinkId(), m, ReviewScores.reviewing(handed, m.excused(), s.reviewWeight()),
                    s.reviewWeight());
        }
        return roundPage(roundId, recorded == 0 ? "review.problem.noGrades" : "review.gradesRecorded");
    }

    private int record(Viewer viewer, Long linkId, RoundMember member, double score, int maximum) {
        if (linkId == null || maximum <= 0) {
            return 0;
        }
        try {
            grades.record(viewer.courseId(), linkId, member.personId(), score, maximum, null, viewer.membershipId());
            return 1;
        } catch (InvalidGradeException e) {
            return 0;
        }
    }

    /** A placed activity of the viewer's course with a gradebook column, or none (0). */
    private Long link(Viewer viewer, long linkId) {
        if (linkId == 0) {
            return null;
        }
        if (!rounds.gradeLinks(viewer.courseId()).containsKey(linkId)) {
            throw new InvalidRoundException("link");
        }
        return linkId;
    }

    @POST
    @Path("rounds/{round}/release")
    public String release(@PathParam("round") long roundId) {
        Viewer viewer = instructor();
        rounds.release(viewer.courseId(), staffRound(roundId).id());
        return roundPage(roundId, "review.released");
    }

    @POST
    @Path("rounds/{round}/assignments/{id}/reassign")
    public String reassign(@PathParam("round") long roundId, @PathParam("id") long id) {
        Viewer viewer = staff();
        Assignment a = staffAssignment(id);
        if (a.roundId() != roundId) {
            throw new NotFoundException();
        }
        rounds.reassign(viewer.courseId(), id);
        return roundPage(roundId, "review.reassigned");
    }

    @POST
    @Path("rounds/{round}/reviewers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String addReviewer(@PathParam("round") long roundId, @FormParam("author") long authorId,
                              @FormParam("reviewer") long reviewerId) {
        Viewer viewer = staff();
        staffRound(roundId);
        if (!policy.mayRead(viewer, StudentWork.workbookOf(authorId)) || !policy.mayRead(viewer, StudentWork.workbookOf(reviewerId))) {
            throw new NotFoundException();
        }
        try {
            rounds.addReviewer(viewer.courseId(), roundId, authorId, reviewerId);
            return roundPage(roundId, "review.reviewerAdded");
        } catch (InvalidRoundException e) {
            return roundPage(roundId, "review.problem." + e.reason());
        }
    }

    @POST
    @Path("rounds/{round}/members/{member}/excuse")
    public String excuse(@PathParam("round") long roundId, @PathParam("member") long memberId) {
        Viewer viewer = staff();
        staffRound(roundId);
        if (!policy.mayRead(viewer, StudentWork.workbookOf(memberId))) {
            throw new NotFoundException();
        }
        try {
            rounds.excuse(viewer.courseId(), roundId, memberId);
            return roundPage(roundId, "review.excused");
        } catch (InvalidRoundException e) {
            throw new NotFoundException();
        }
    }

    // ---- pages

    private String reviewPage(Assignment assignment, ReviewOutcome outcome) {
        Viewer viewer = viewer();
        PeerReviewRound round = rounds.round(viewer.courseId(), assignment.roundId()).orElseThrow(NotFoundException::new);
        boolean reviewer = assignment.reviewerId() == viewer.membershipId();
        Map<Long, String> names = viewer.isStaff() || !round.settings().anonymous() ? names(assignment.roundId()) : Map.of();
        String author = reviewer && round.settings().anonymous() ? null : names.get(assignment.authorId());
        String reviewerName = reviewer ? null : names.get(assignment.reviewerId());
        return pages.review(page(), assignment, author, reviewerName, !reviewer, outcome);
    }

    private String receivedPage(long roundId, String notice) {
        Viewer viewer = viewer();
        PeerReviewRound round = ownRound(roundId);
        RoundMember me = rounds.member(roundId, viewer.membershipId()).orElseThrow(NotFoundException::new);
        Map<Long, String> names = round.settings().anonymous() ? Map.of() : names(roundId);
        return pages.received(page(), round, me, names, notice);
    }

    private String roundPage(long roundId, String notice) {
        Viewer viewer = staff();
        PeerReviewRound round = staffRound(roundId);
        return pages.round(page(), round, rounds.members(roundId, policy.learners(viewer).on("m")),
                policy.mayManageCourse(viewer), notice);
    }

    /** Names of the round's students, read as staff would: only for pages allowed to show them. */
    private Map<Long, String> names(long roundId) {
        return rounds.members(roundId, "TRUE").stream()
                .collect(Collectors.toMap(RoundMember::membershipId, RoundMember::name));
    }

    // ---- who may

    /** The reviewer's own piece, or any review for staff who may read the author's work. */
    private Assignment readable(long id) {
        Viewer viewer = viewer();
        Assignment a = rounds.assignment(viewer.courseId(), id).orElseThrow(NotFoundException::new);
        StudentWork work = StudentWork.exercise(a.authorId(), a.exerciseId());
        boolean reviewer = a.reviewerId() == viewer.membershipId();
        if (!(reviewer || viewer.isStaff()) || !policy.mayRead(viewer, work)) {
            throw new NotFoundException();
        }
        policy.opened(viewer, work, "peer-review:" + a.exerciseId());
        return a;
    }

    private Assignment ownAssignment(long id) {
        Viewer viewer = viewer();
        Assignment a = rounds.assignment(viewer.courseId(), id).orElseThrow(NotFoundException::new);
        if (a.reviewerId() != viewer.membershipId()
                || !policy.mayRead(viewer, StudentWork.exercise(a.authorId(), a.exerciseId()))) {
            throw new NotFoundException();
        }
        return a;
    }

    /** A review of the viewer's own piece, released and handed in. */
    private Assignment received(long id) {
        Viewer viewer = viewer();
        Assignment a = rounds.assignment(viewer.courseId(), id).orElseThrow(NotFoundException::new);
        PeerReviewRound round = ownRound(a.roundId());
        if (a.authorId() != viewer.membershipId() || !round.released()) {
            throw new NotFoundException();
        }
        return a;
    }

    private PeerReviewRound ownRound(long roundId) {
        Viewer viewer = viewer();
        if (!viewer.isLearner()) {
            throw new NotFoundException();
        }
        return rounds.round(viewer.courseId(), roundId).orElseThrow(NotFoundException::new);
    }

    private PeerReviewRound staffRound(long roundId) {
        return rounds.round(viewer().courseId(), roundId).orElseThrow(NotFoundException::new);
    }

    private Assignment staffAssignment(long id) {
        Viewer viewer = viewer();
        Assignment a = rounds.assignment(viewer.courseId(), id).orElseThrow(NotFoundException::new);
        if (!policy.mayRead(viewer, StudentWork.workbookOf(a.authorId()))) {
            throw new NotFoundException();
        }
        return a;
    }

    private Viewer staff() {
        Viewer viewer = viewer();
        if (!policy.isStaff(viewer)) {
            throw new NotFoundException();
        }
        return viewer;
    }

    private Viewer instructor() {
        Viewer viewer = viewer();
        if (!policy.mayManageCourse(viewer)) {
            throw new NotFoundException();
        }
        return viewer;
    }

    private static ReviewScope scope(String scope) {
        try {
            return ReviewScope.valueOf(scope == null ? "" : scope);
        } catch (IllegalArgumentException e) {
            throw new InvalidRoundException("missing");
        }
    }

    private static Instant due(String due) {
        try {
            return LocalDateTime.parse(due == null ? "" : due).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidRoundException("due");
        }
    }

    private ObjectNode error(String reason) {
        ObjectNode error = AnswerValue.JSON.createObjectNode();
        error.put("error", reason);
        error.put("message", templates.message("workbook.error." + reason, page().locale()));
        return error;
    }

    private static Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(AnswerValue.write(body)).build();
    }

    private PageContext page() {
        Session session = (Session) request.getProperty(SessionFilter.SESSION);
        return PageContext.of(session, BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElseThrow());
    }

    private Viewer viewer() {
        return SessionFilter.viewer(request);
    }
}
