package org.organizingworkbench.grading;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.organizingworkbench.infrastructure.ToolStarted;
import org.organizingworkbench.lti.ActivityProgress;
import org.organizingworkbench.lti.GradingProgress;
import org.organizingworkbench.lti.Score;
import org.organizingworkbench.lti.ServiceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
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
    /** How many full batches one round may send before it yields to the next scheduled round. */
    static final int MAX_BATCHES_PER_ROUND = 20;
    private static final Logger LOG = Logger.getLogger(GradeDeliveryWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService senders;

    /** The time of every decision (back-off, timestamps); a test sets it instead of sleeping. */
    @Inject
    Clock clock;

    @Inject
    GradeDeliveries outbox;

    @Inject
    LmsGradebook lms;

    @Inject
    SubmissionReports reports;

    @Inject
    PlacedActivities placements;

    @Inject
    PlacedLinks placedLinks;

    /**
     * How long a claim lasts: longer than one POST can take (30 s request timeout plus a token request); renewed
     * before each POST. A node that stops leaves its rows to others once it expires.
     */
    @Inject
    @ConfigProperty(name = "workbench.grade-delivery.lease-seconds", defaultValue = "90")
    int leaseSeconds;

    /**
     * POSTs in flight at once. 1 by default: Canvas throttles per tool token and asks for roughly sequential
     * requests; a platform that takes more can be given a few.
     */
    @Inject
    @ConfigProperty(name = "workbench.grade-delivery.concurrency", defaultValue = "1")
    int concurrency;

    private ScheduledFuture<?> task;
    private volatile boolean stopping;

    void onStart(@Observes ToolStarted started) {
        task = scheduler.scheduleWithFixedDelay(this::deliverDue, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * One round: learners' submissions are reported to their placed activities first (which queues their
     * scores), then batches are sent until the due rows are done (or the round's share is used).
     */
    void deliverDue() {
        try {
            reportSubmissions();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reporting submissions stopped early", e);
        }
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_ROUND && !stopping && deliverBatch() == BATCH; batch++) {
                // A full batch means more rows are due: a backlog is sent without waiting two seconds per batch.
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Grade delivery round stopped early", e);
        }
    }

    /**
     * Finds where each claimed submission's exercise is placed (one LMS request per course and exercise) and
     * reports it there. An LMS that cannot answer now is asked again with back-off; after {@link
     * SubmissionReports#MAX_ATTEMPTS} tries, or when it refuses for good, the links known from launches are told.
     */
    private void reportSubmissions() {
        Duration lease = Duration.ofSeconds(leaseSeconds);
        Map<String, PlacedActivities.Found> found = new java.util.HashMap<>();
        for (SubmissionReports.Claimed report : reports.claim(NODE, BATCH, lease)) {
            if (stopping) {
                return;
            }
            String key = report.courseId() + "/" + report.exerciseId();
            PlacedActivities.Found placed = found.get(key);
            if (placed == null) {
                try {
                    placed = placements.of(report.courseId(), report.exerciseId());
                    found.put(key, placed);
                } catch (ServiceException e) {
                    String reason = "HTTP " + e.status() + ": " + e.reason();
                    if (report.attempts() + 1 < SubmissionReports.MAX_ATTEMPTS) {
                        reports.retry(report, NODE, clock.instant().plus(DeliveryDecision.backoff(report.attempts(),
                                ThreadLocalRandom.current().nextDouble())), reason);
                        continue;
                    }
                    placed = new PlacedActivities.Found(placedLinks.of(report.courseId(), report.exerciseId()), reason);
                }
            }
            reports.report(report, NODE, placed.activities(), lms.flavour(report.courseId()), placed.lmsProblem());
        }
    }

    /** Claim, drop superseded rows, send the rest oldest first; returns how many rows were claimed. */
    private int deliverBatch() {
        Duration lease = Duration.ofSeconds(leaseSeconds);
        List<DeliveryOrder.Claimed> claimed = outbox.claim(NODE, BATCH, lease);
        if (claimed.isEmpty()) {
            return 0;
        }
        DeliveryOrder.Plan plan = DeliveryOrder.plan(claimed,
                outbox.newestIds(claimed.stream().map(DeliveryOrder.Claimed::key).distinct().toList()));
        outbox.supersede(plan.superseded(), NODE);
        send(plan.send(), lease);
        return claimed.size();
    }

    /**
     * Sends the rows, at most {@code concurrency} POSTs at a time. The plan holds one row per user and line item,
     * so sending them side by side cannot reorder two scores of the same key.
     */
    private void send(List<DeliveryOrder.Claimed> rows, Duration lease) {
        Semaphore slots = new Semaphore(Math.max(1, concurrency));
        List<Future<?>> sending = new ArrayList<>();
        for (DeliveryOrder.Claimed row : rows) {
            if (stopping) {
                break; // the rows left keep their claim until it expires, then any node sends them
            }
            Runnable post = () -> outbox.stamp(row.id(), NODE, lease).ifPresent(this::deliver);
            if (concurrency <= 1) {
                post.run();
                continue;
            }
            slots.acquireUninterruptibly();
            sending.add(senders.submit(() -> {
                try {
                    post.run();
                } finally {
                    slots.release();
                }
            }));
        }
        for (Future<?> post : sending) {
            try {
                post.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "A grade delivery stopped", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
        DeliveryDecision decision = DeliveryDecision.after(status, answer, row.attempts(), clock.instant(),
                ThreadLocalRandom.current().nextDouble(), row.repeatsUnanswered());
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
        Score score = new Score(row.userId(), row.scoreGiven(), row.scoreGiven() == null ? null : row.scoreMaximum(),
                row.comment(), row.timestamp(), activity(row.activityProgress()), grading(row.gradingProgress()), Map.of());
        // A learner's own submission is a new attempt in Canvas; a grade staff give is not.
        boolean learnerSubmitted = ActivityProgress.SUBMITTED.jsonValue().equals(row.activityProgress());
        return canvas ? score.withCanvasSubmission(row.submittedAt(), learnerSubmitted) : score;
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
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
    }
}
