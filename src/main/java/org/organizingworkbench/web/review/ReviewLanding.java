package org.organizingworkbench.web.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.access.Viewers;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.review.InvalidRoundException;
import org.organizingworkbench.review.PeerReviewRound;
import org.organizingworkbench.review.ReviewRounds;
import org.organizingworkbench.review.RoundSettings;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.web.PageContexts;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a launch of a link placed "as a peer review round" (custom parameter {@code review_round}) lands: a student on
 * their pieces and reviews of that round, staff on the round's page; an instructor's first launch starts the round
 * with the defaults.
 */
@ApplicationScoped
public class ReviewLanding {

    @Inject
    CourseRoster roster;

    @Inject
    Viewers viewers;

    @Inject
    AccessPolicy policy;

    @Inject
    CurriculumVersions curricula;

    @Inject
    ReviewRounds rounds;

    @Inject
    ReviewPages pages;

    @Inject
    PageContexts contexts;

    @Inject
    Clock clock;

    /** The page for the launch, or empty when the launch's link is not a round's (or names no exercise of the course). */
    public Optional<String> landing(Session session, Locale locale) {
        if (!session.inCourse() || session.resourceLinkId() == null || session.membershipId() == null
                || session.personId() == null) {
            return Optional.empty();
        }
        Optional<String> exercise = roster.reviewRoundOfLink(session.resourceLinkId())
                .filter(id -> curricula.curriculumOf(session.courseId()).exercise(id).isPresent());
        Optional<Viewer> viewer = viewers.of(session.personId(), session.courseId(), session.membershipId());
        if (exercise.isEmpty() || viewer.isEmpty()) {
            return Optional.empty();
        }
        PageContext base = contexts.of(session);
        PageContext page = new PageContext(session, locale, base.authHeaders(), base.role());
        return Optional.of(policy.isStaff(viewer.get()) ? staff(page, viewer.get(), exercise.get())
                : student(page, viewer.get(), exercise.get()));
    }

    private String student(PageContext page, Viewer viewer, String exercise) {
        String notice = rounds.roundOf(viewer.courseId(), exercise).isEmpty() ? "review.landing.notStarted" : null;
        return pages.list(page, viewer.courseId(), viewer.membershipId(), false, exercise, notice);
    }

    private String staff(PageContext page, Viewer viewer, String exercise) {
        Optional<PeerReviewRound> round = rounds.roundOf(viewer.courseId(), exercise);
        if (round.isEmpty() && policy.mayManageCourse(viewer)) {
            try {
                round = Optional.of(rounds.create(viewer.courseId(), exercise, RoundSettings.defaults(clock.instant()),
                        viewer.membershipId()));
            } catch (InvalidRoundException e) {
                return pages.list(page, viewer.courseId(), viewer.membershipId(), true, exercise, "review.problem." + e.reason());
            }
        }
        if (round.isEmpty()) {
            return pages.list(page, viewer.courseId(), viewer.membershipId(), true, exercise, null);
        }
        rounds.sweep(viewer.courseId(), round.get().id());
        return pages.round(page, round.get(), rounds.members(round.get().id(), policy.learners(viewer).on("m")),
                policy.mayManageCourse(viewer), null);
    }
}
