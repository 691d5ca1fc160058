package org.organizingworkbench.web.review;

import jakarta.persistence.EntityManager;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.review.Assignment;
import org.organizingworkbench.review.ReviewRounds;
import org.organizingworkbench.review.Reviews;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.workbook.Workbooks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** The reviewer's page built outside the container, as the benchmark and the middle-tier test need it. */
public final class PeerReviewPagesForBench {

    private static final Templates TEMPLATES = new Templates();

    private PeerReviewPagesForBench() {
    }

    /** The reviewer's page of an anonymous piece, as its reviewer gets it. */
    public static String review(EntityManager em, Instant now, Assignment piece) {
        return pages(em, now).review(new PageContext(null, Locale.ENGLISH, PageContext.bearerHeaders("t"), "LEARNER"),
                piece, null, null, false, ReviewOutcome.NONE);
    }

    static ReviewPages pages(EntityManager em, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        ReviewPages pages = new ReviewPages();
        pages.templates = TEMPLATES;
        pages.curricula = inject(new CurriculumVersions(), "em", em);
        pages.rounds = inject(inject(new ReviewRounds(), "em", em), "clock", clock);
        pages.reviews = inject(inject(new Reviews(), "em", em), "clock", clock);
        pages.workbooks = inject(new Workbooks(), "em", em);
        pages.clock = clock;
        return pages;
    }

    /** Sets a container-injected field of a service used outside the container. */
    public static <T> T inject(T target, String name, Object value) {
        try {
            java.lang.reflect.Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
            return target;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
