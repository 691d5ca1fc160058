package org.organizingworkbench.web.grading;

import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.SessionFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.course.Membership;
import org.organizingworkbench.grading.Grade;
import org.organizingworkbench.grading.GradeDeliveries;
import org.organizingworkbench.grading.GradebookComparison;
import org.organizingworkbench.grading.Grades;
import org.organizingworkbench.grading.InvalidGradeException;
import org.organizingworkbench.grading.LmsGradebook;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.lti.LineItemResult;
import org.organizingworkbench.lti.ServiceException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.time.ZoneOffset;
import org.organizingworkbench.view.Moment;
import java.util.Map;
import java.util.Optional;
import org.organizingworkbench.view.Templates;

/**
 * Grades for the launched activity: staff give each learner they may see a score and a comment, and see whether the
 * LMS has it yet. Instructors grade every learner; a Teaching Fellow grades the learners of their own sections.
 */
@Path("app/grades")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class GradesResource {

    /**
     * One learner's line in the grades list.
     *
     * @param scoreMaximum the scale staff enter the score on: the line item's maximum when the link has one
     * @param shownScore   the grade's score on that scale, null when there is none
     * @param nextAttempt  when delivery is tried again, a {@code <time>} element (null when not waiting)
     * @param resubmittedAt when the student last submitted, a {@code <time>} element
     * @param refusal      why the tool itself did not send the grade (staff, not-member, inactive), null otherwise
     */
    public record Line(Membership member, Grade grade, double scoreMaximum, Double shownScore, String nextAttempt,
                       String resubmittedAt, String refusal) {
    }


    @Inject
    CourseRoster roster;

    @Inject
    Grades grades;

    @Inject
    LmsGradebook lms;

    @Inject
    Templates templates;

    @Context
    ContainerRequestContext request;

    @Inject
    AccessPolicy policy;

    @GET
    public String list() {
        return fragment(staffSession(), GradesOutcome.NONE);
    }

    @POST
    public String save(@FormParam("personId") long personId, @FormParam("score") String score,
                       @FormParam("comment") String comment) {
        Session session = staffSession();
        List<Membership> learners = visibleLearners(session);
        if (session.resourceLinkId() == null || learners.stream().noneMatch(m -> m.person().id() == personId)) {
            throw new NotFoundException();
        }
        // Issue 9 §4: a score is always entered, and sent, on the line item's scale.
        Grade existing = grades.ofLink(session.courseId(), session.resourceLinkId()).get(personId);
        double maximum = scale(session, existing);
        try {
            grades.record(session.courseId(), session.resourceLinkId(), personId, Double.parseDouble(score.strip()),
                    maximum, comment, session.membershipId());
            return fragment(session, GradesOutcome.saved(personId));
        } catch (NumberFormatException | NullPointerException | InvalidGradeException e) {
            return fragment(session, GradesOutcome.invalid(personId));
        }
    }

    /** Queues a grade the LMS refused for good once more, e.g. after the learner was enrolled as a student there. */
    @POST
    @Path("{gradeId}/resend")
    public String resend(@PathParam("gradeId") long gradeId) {
        Session session = staffSession();
        if (session.resourceLinkId() == null) {
            throw new NotFoundException();
        }
        List<Long> visible = visibleLearners(session).stream().map(m -> m.person().id()).toList();
        boolean mine = grades.ofLink(session.courseId(), session.resourceLinkId()).values().stream()
                .anyMatch(g -> g.id() == gradeId && visible.contains(g.personId()));
        if (!mine || !grades.isOfCourse(session.courseId(), gradeId)) {
            throw new NotFoundException();
        }
        grades.resend(session.courseId(), gradeId);
        return fragment(session, GradesOutcome.NONE);
    }

    /**
     * Reconciliation: what the LMS gradebook holds for each learner this person may grade, beside the tool's grade
     * (the same score, another one, or none).
     */
    @GET
    @Path("compare")
    public String compare() {
        Session session = staffSession();
        if (session.resourceLinkId() == null) {
            throw new NotFoundException();
        }
        Optional<String> lineItem = grades.lineItemUrl(session.courseId(), session.resourceLinkId());
        if (lineItem.isEmpty()) {
            return fragment(session, GradesOutcome.NONE);
        }
        Map<Long, String> subjects = new HashMap<>();
        visibleLearners(session).forEach(m -> subjects.put(m.person().id(), m.person().subject()));
        try {
            List<LineItemResult> results = lms.results(session.courseId(), lineItem.get());
            return fragment(session, GradesOutcome.compared(GradebookComparison.compare(subjects,
                    grades.ofLink(session.courseId(), session.resourceLinkId()), results)));
        } catch (ServiceException e) {
            return fragment(session, GradesOutcome.compareFailed("HTTP " + e.status() + ": " + e.reason()));
        }
    }

    private String fragment(Session session, GradesOutcome outcome) {
        Locale locale = Locales.choose(session.locale());
        boolean hasLink = session.resourceLinkId() != null;
        boolean hasLineItem = hasLink && grades.lineItemUrl(session.courseId(), session.resourceLinkId()).isPresent();
        Map<Long, Grade> given = hasLink ? grades.ofLink(session.courseId(), session.resourceLinkId()) : Map.of();
        Double lineItemMaximum = hasLineItem ? newGradeMaximum(session) : null;
        List<Line> lines = visibleLearners(session).stream().map(m -> {
            Grade grade = given.get(m.person().id());
            String next = grade == null || grade.delivery() == null || grade.delivery().nextAttemptAt() == null ? null
                    : Moment.html(grade.delivery().nextAttemptAt().toInstant(ZoneOffset.UTC), locale);
            String resubmitted = grade == null || grade.submittedAt() == null ? null
                    : Moment.html(grade.submittedAt().toInstant(ZoneOffset.UTC), locale);
            double scale = lineItemMaximum != null ? lineItemMaximum
                    : grade == null || grade.scoreGiven() == null ? Grades.DEFAULT_MAXIMUM : grade.scoreMaximum();
            String lastError = grade == null || grade.delivery() == null ? null : grade.delivery().lastError();
            String refusal = lastError != null && lastError.startsWith(GradeDeliveries.REFUSED_BY_TOOL)
                    ? lastError.substring(GradeDeliveries.REFUSED_BY_TOOL.length()) : null;
            return new Line(m, grade, scale, grade == null ? null : grade.scoreOutOf(scale), next, resubmitted, refusal);
        }).toList();
        // What the LMS shows differs between platforms (issue 9 §9): the texts name the course's.
        return templates.render("fragments/grades", locale,
                new GradesView(hasLink, hasLineItem, lines, lms.flavour(session.courseId()).name()), outcome);
    }

    /** The scale a score on the link is given on: the line item's maximum, else the grade's own, else 100. */
    private double scale(Session session, Grade existing) {
        if (grades.lineItemUrl(session.courseId(), session.resourceLinkId()).isPresent()) {
            return newGradeMaximum(session);
        }
        return existing == null || existing.scoreGiven() == null ? Grades.DEFAULT_MAXIMUM : existing.scoreMaximum();
    }

    /** The line item's maximum when the LMS has one for the link, else 100. */
    private double newGradeMaximum(Session session) {
        return grades.lineItemUrl(session.courseId(), session.resourceLinkId())
                .map(url -> lms.scoreMaximum(session.courseId(), url)).orElse(Grades.DEFAULT_MAXIMUM);
    }

    /** The students this member of staff may grade: the policy's learners, never staff. */
    private List<Membership> visibleLearners(Session session) {
        Viewer viewer = SessionFilter.viewer(request);
        return roster.activeMembersWhere(viewer.courseId(), policy.learners(viewer).on("m"));
    }

    private Session staffSession() {
        if (!policy.isStaff(SessionFilter.viewer(request))) {
            throw new ForbiddenException();
        }
        return (Session) request.getProperty(SessionFilter.SESSION);
    }
}
