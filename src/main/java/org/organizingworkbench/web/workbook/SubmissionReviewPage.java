package org.organizingworkbench.web.workbook;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.StudentWork;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.access.Viewers;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.course.Membership;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.lti.LtiLaunch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContexts;

/**
 * Where an LtiSubmissionReviewRequest lands (Submission Review 1.0): a grader opened a learner's work from the LMS
 * gradebook. The learner is the launch's for_user in this course, the exercise the link's custom parameter (as the
 * tool's deep linking set it). Instructors review anyone; a Teaching Fellow only learners of their own sections.
 */
@ApplicationScoped
public class SubmissionReviewPage {

    /** Why a review launch shows no work; each has its text in the bundles ({@code review.refused.<name>}). */
    enum Refusal {
        NOT_STAFF(403), UNKNOWN_LEARNER(404), NOT_YOUR_SECTION(403), UNKNOWN_EXERCISE(404);

        final int status;

        Refusal(int status) {
            this.status = status;
        }
    }

    private static final Logger LOG = Logger.getLogger(SubmissionReviewPage.class.getName());

    @Inject
    CourseRoster roster;

    @Inject
    Viewers viewers;

    @Inject
    AccessPolicy policy;

    @Inject
    CurriculumVersions curricula;

    @Inject
    PageContexts pages;

    @Inject
    Templates templates;

    public Response render(Session session, LtiLaunch launch, Locale locale) {
        Optional<Viewer> viewer = !session.inCourse() || session.membershipId() == null ? Optional.empty()
                : viewers.of(session.personId(), session.courseId(), session.membershipId());
        if (viewer.isEmpty() || !policy.isStaff(viewer.get())) {
            return refused(Refusal.NOT_STAFF, session, locale);
        }
        Optional<Membership> learner = launch.forUserId().flatMap(subject -> roster.learner(session.courseId(), subject));
        if (learner.isEmpty()) {
            return refused(Refusal.UNKNOWN_LEARNER, session, locale);
        }
        if (!policy.mayRead(viewer.get(), StudentWork.workbookOf(learner.get().id()))) {
            return refused(Refusal.NOT_YOUR_SECTION, session, locale);
        }
        Curriculum curriculum = curricula.curriculumOf(session.courseId());
        Optional<Exercise> exercise = Optional.ofNullable(launch.custom().get(CourseRoster.EXERCISE_PARAMETER))
                .map(String::valueOf).flatMap(curriculum::exercise);
        if (exercise.isEmpty()) {
            return refused(Refusal.UNKNOWN_EXERCISE, session, locale);
        }
        String work = workUrl(learner.get().id(), exercise.get().id());
        return html(200, templates.render("submission-review", locale, new ReviewedWork(pages.of(session).authHeaders(),
                learner.get().person().name(),
                exercise.get().title().in(locale.getLanguage(), curriculum.defaultLanguage()), work, work + "/work")));
    }

    /** The learner's work on the exercise, as the workbook serves it to staff. */
    static String workUrl(long learnerMembershipId, String exerciseId) {
        return "/app/learners/" + learnerMembershipId + "/workbook/exercises/"
                + URLEncoder.encode(exerciseId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Response refused(Refusal refusal, Session session, Locale locale) {
        LOG.info(() -> "Submission review refused: " + refusal + " course=" + session.courseId()
                + " reviewer membership=" + session.membershipId());
        return html(refusal.status, templates.render("submission-review-refused", locale,
                new RefusedReview(refusal.name())));
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    /**
     * Page {@code submission-review}: whose work on which exercise the grader opened from the LMS, the workbook's page
     * of it ({@code workUrl}) and the part of it this page loads ({@code workPartUrl}).
     */
    /** Page {@code submission-review-refused}: why the work cannot be shown (a {@code Refusal} name). */
    record RefusedReview(String refusal) {
    }

    record ReviewedWork(String authHeaders, String learnerName, String exerciseTitle, String workUrl,
                        String workPartUrl) {
    }
}
