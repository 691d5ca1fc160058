package org.organizingworkbench.privacy;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.organizingworkbench.infrastructure.ToolStarted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The retention period (WORKBENCH_RETENTION_DAYS after a course's last activity; 0 keeps courses for ever): once a
 * day, courses coming within WORKBENCH_RETENTION_NOTICE_DAYS of it get a notice that their instructors see on their
 * home page, and courses whose period and notice have both run out are deleted ({@link Erasure#eraseCourse}).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    @Any
    Instance<PersonalData> parts;

    @Inject
    CoursePrivacy privacy;

    @Inject
    Erasure erasure;

    @Inject
    @ConfigProperty(name = "workbench.retention.days", defaultValue = "730")
    int days;

    @Inject
    @ConfigProperty(name = "workbench.retention.notice-days", defaultValue = "30")
    int noticeDays;

    private ScheduledFuture<?> task;

    /** What one pass did, by course id. */
    public record Pass(List<Long> noticed, List<Long> withdrawn, List<Long> deleted) {
    }

    void onStart(@Observes ToolStarted started) {
        task = scheduler.scheduleWithFixedDelay(this::applyQuietly, 10, 24 * 60, TimeUnit.MINUTES);
    }

    public RetentionRule rule() {
        return new RetentionRule(Duration.ofDays(Math.max(0, days)), Duration.ofDays(Math.max(0, noticeDays)));
    }

    /** One pass over every course, now. */
    public Pass apply() {
        RetentionRule rule = rule();
        Instant now = Instant.now();
        Pass pass = new Pass(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<?> courses = em.createNativeQuery("SELECT id FROM course ORDER BY id").getResultList();
        for (Object id : courses) {
            long courseId = ((Number) id).longValue();
            Instant noticeAt = privacy.retentionNoticeAt(courseId).orElse(null);
            switch (rule.step(lastActivity(courseId), noticeAt, now)) {
                case START_NOTICE -> {
                    privacy.retentionNotice(courseId, now);
                    pass.noticed().add(courseId);
                }
                case WITHDRAW_NOTICE -> {
                    privacy.retentionNotice(courseId, null);
                    pass.withdrawn().add(courseId);
                }
                case DELETE -> {
                    erasure.eraseCourse(courseId);
                    pass.deleted().add(courseId);
                }
                case NONE -> {
                }
            }
        }
        if (!pass.noticed().isEmpty() || !pass.deleted().isEmpty()) {
            LOG.info(() -> "Retention: notice for courses " + pass.noticed() + ", deleted courses " + pass.deleted());
        }
        return pass;
    }

    /** When the course will be deleted, once its notice runs; what its instructors are told. */
    public Optional<Instant> deletionDate(long courseId) {
        RetentionRule rule = rule();
        if (!rule.enabled()) {
            return Optional.empty();
        }
        return privacy.retentionNoticeAt(courseId).map(noticeAt -> rule.deletionDate(lastActivity(courseId), noticeAt));
    }

    /** The latest activity any part records; a course with none counts from its last launch. */
    Instant lastActivity(long courseId) {
        Optional<Instant> latest = PersonalDataArchive.inOrder(parts).stream()
                .map(part -> part.lastActivity(courseId)).flatMap(Optional::stream).max(Instant::compareTo);
        return latest.orElseGet(() -> CoursePrivacy.instant(em.createNativeQuery(
                "SELECT updated_at FROM course WHERE id = ?1").setParameter(1, courseId).getSingleResult()));
    }

    private void applyQuietly() {
        try {
            apply();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention pass stopped early", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
