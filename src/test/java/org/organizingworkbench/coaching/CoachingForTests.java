package org.organizingworkbench.coaching;

import jakarta.persistence.EntityManager;
import org.organizingworkbench.grading.ScorePayloads;

import java.time.Clock;

/** The coaching services on a test's entity manager, as the container would inject them (for benchmarks). */
public final class CoachingForTests {

    private CoachingForTests() {
    }

    public static SectionDashboard dashboard(EntityManager em) {
        SectionDashboard dashboard = new SectionDashboard();
        dashboard.em = em;
        dashboard.clock = Clock.systemUTC();
        return dashboard;
    }

    public static Feedbacks feedbacks(EntityManager em) {
        java.util.function.Consumer<FeedbackReleased> gradebook = ScorePayloads.gradebook(em);
        Feedbacks feedbacks = new Feedbacks() {
            @Override
            void announce(FeedbackReleased event) {
                gradebook.accept(event);
            }
        };
        feedbacks.em = em;
        feedbacks.clock = Clock.systemUTC();
        return feedbacks;
    }

    public static CoachingLog log(EntityManager em) {
        CoachingLog log = new CoachingLog();
        log.em = em;
        log.clock = Clock.systemUTC();
        return log;
    }

    public static PassageComments comments(EntityManager em) {
        PassageComments comments = new PassageComments();
        comments.em = em;
        comments.clock = Clock.systemUTC();
        return comments;
    }
}
