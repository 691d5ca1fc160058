package org.organizingworkbench.grading;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.ToolStarted;
import org.organizingworkbench.lti.ActivityProgress;
import org.organizingworkbench.lti.GradingProgress;
import org.organizingworkbench.lti.Score;
import org.organizingworkbench.lti.ServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the grade outbox to the platforms (AGS 2.0 score POSTs) every two seconds, up to 50 rows a round, one row
 * at a time (Canvas throttles per tool token). Any number of nodes may run it: each claims its rows, and a claim
 * that outlives its node expires so another node takes the rows over.
 */
@ApplicationScoped
public class GradeDeliveryWorker {

    static final String NODE = "node-" + UUID.randomUUID();
    static final int BATCH = 50;
    /** Longer than one POST can take (30 s request timeout plus a token request); renewed before each POST. */
    static final Duration LEASE = Duration.ofSeconds(90);
    private static final Logger LOG = Logger.getLogger(GradeDeliveryWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    GradeDeliveries outbox;

    @Inject
    LmsGradebook lms;

    private ScheduledFuture<?> task;

    void onStart(@Observes ToolStarted started) {
        task = scheduler.scheduleWithFixedDelay(this::deliverDue, 2, 2, TimeUnit.SECONDS);
    }

    /** One round: claim, drop superseded rows, send the rest oldest first. */
    void deliverDue() {
        try {
            List<DeliveryOrder.Claimed> claimed = outbox.claim(NODE, BATCH, LEASE);
            if (claimed.isEmpty()) {
                return;
            }
            DeliveryOrder.Plan plan = DeliveryOrder.plan(claimed,
                    outbox.newestIds(claimed.stream().map(DeliveryOrder.Claimed::key).distinct().toList()));
            outbox.supersede(plan.superseded(), NODE);
            for (DeliveryOrder.Claimed row : plan.send()) {
                outbox.stamp(row.id(), NODE, LEASE).ifPresent(this::deliver);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Grade delivery round stopped early", e);
        }
    }

    private void deliver(GradeDeliveries.Outgoing row) {
        int status;
        String answer;
        try {
            lms.postScore(row.courseId(), row.lineItemUrl(), score(row, lms.isCanvas(row.courseId())));
            status = 200;
            answer = "";
        } catch (ServiceException e) {
            // A 401 already made the client forget the refused token (ServiceTokenClient.forget): a retry gets a new one.
            status = e.status();
            answer = e.reason();
        } catch (RuntimeException e) {
            status = 400;
            answer = "not sent: " + e.getMessage();
        }
        DeliveryDecision decision = DeliveryDecision.after(status, answer, row.attempts(), Instant.now(),
                ThreadLocalRandom.current().nextDouble());
        if (!(decision instanceof DeliveryDecision.Sent)) {
            LOG.info(() -> "Grade delivery " + row.id() + " to " + row.lineItemUrl() + ": " + decision);
        }
        outbox.settle(row.id(), NODE, status, decision);
    }

    /**
     * The score of an outbox row. For Canvas it carries Canvas's submission extension: {@code new_submission} false,
     * because staff grading must not open a new attempt for the learner, and {@code submitted_at} when the learner's
     * submission time is known, so Canvas's late flags follow the submission rather than the delivery.
     */
    static Score score(GradeDeliveries.Outgoing row, boolean canvas) {
        Score score = new Score(row.userId(), row.scoreGiven(), row.scoreMaximum(), row.comment(), row.timestamp(),
                activity(row.activityProgress()), grading(row.gradingProgress()), Map.of());
        return canvas ? score.withCanvasSubmission(row.submittedAt(), false) : score;
    }

    private static ActivityProgress activity(String json) {
        for (ActivityProgress value : ActivityProgress.values()) {
            if (value.jsonValue().equals(json)) {
                return value;
            }
        }
        return ActivityProgress.COMPLETED;
    }

    private static GradingProgress grading(String json) {
        for (GradingProgress value : GradingProgress.values()) {
            if (value.jsonValue().equals(json)) {
                return value;
            }
        }
        return GradingProgress.FULLY_GRADED;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
