package org.organizingworkbench.grading;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.organizingworkbench.curriculum.CourseCurriculumMoved;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Deadline;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.infrastructure.ToolStarted;
import org.organizingworkbench.lti.LineItem;
import org.organizingworkbench.lti.ServiceException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Due dates set in the tool reach the LMS: each placed activity's line item gets its exercise's due date as
 * {@code endDateTime} (AGS 2.0 §3.2) when the course's curriculum changes, and a sweep every ten minutes retries what
 * an LMS did not take. A line item is only PUT when its due date differs from the one it was last told, with every
 * other field as the LMS returned it. Whether the LMS shows the date is the LMS's choice: Moodle 4.3 keeps none.
 */
@ApplicationScoped
public class LineItemDueDates {

    private static final Logger LOG = Logger.getLogger(LineItemDueDates.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    PlacedLinks links;

    @Inject
    CurriculumVersions curricula;

    @Inject
    LmsGradebook lms;

    private ScheduledFuture<?> sweep;

    void onStart(@Observes ToolStarted started) {
        sweep = scheduler.scheduleWithFixedDelay(this::syncAll, 1, 10, TimeUnit.MINUTES);
    }

    /** After the change is committed: the HTTP calls never hold the editor's transaction. */
    void onCurriculumMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) CourseCurriculumMoved moved) {
        executor.execute(() -> sync(moved.courseId()));
    }

    void syncAll() {
        try {
            links.coursesWithPlacedLinks().forEach(this::sync);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Due date sweep stopped early", e);
        }
    }

    /** Tells each placed line item of the course its exercise's due date, where it changed. */
    public void sync(long courseId) {
        Curriculum curriculum = curricula.curriculumOf(courseId);
        for (PlacedLinks.DueDateState link : links.dueDates(courseId)) {
            Optional<Exercise> exercise = curriculum.exercise(link.exerciseId());
            if (exercise.isEmpty()) {
                continue;
            }
            LocalDate due = exercise.get().dueDate().orElse(null);
            if (link.wasTold() && Objects.equals(due, link.told())) {
                continue;
            }
            try {
                Instant end = due == null ? null : Deadline.lastSecond(due);
                LineItem item = lms.lineItem(courseId, link.lineItemUrl());
                if (!Objects.equals(item.endDateTime().orElse(null), end)) {
                    lms.updateLineItem(courseId, item.withEndDateTime(end));
                }
                links.dueDateTold(link.id(), link.lineItemUrl(), due);
            } catch (ServiceException | RuntimeException e) {
                LOG.info(() -> "Due date of " + link.lineItemUrl() + " not sent (the sweep tries again): " + e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
