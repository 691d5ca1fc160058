package org.organizingworkbench.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.organizingworkbench.coaching.Feedbacks.instant;
import static org.organizingworkbench.coaching.Feedbacks.named;
import static org.organizingworkbench.coaching.Feedbacks.nullableNumber;
import static org.organizingworkbench.coaching.Feedbacks.number;

/**
 * Comments on passages of a student's entries, in threads that can be answered and resolved. A comment keeps the
 * quoted words and where they were ({@link PassageAnchor}), so it stays on its passage as the student revises, or
 * says it refers to an earlier version. Bodies are plain text (pages escape them). Callers have asked the access
 * policy; every method keeps to the course and student it is given.
 */
@ApplicationScoped
@Transactional
public class PassageComments {

    public static final int MAX_QUOTE = 1_000;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Starts a thread on the passage {@code quote} of the field's current text.
     *
     * @param hint where the writer's selection began (their browser counts differently; the quote decides)
     */
    public long comment(long courseId, long learnerId, String exerciseId, String fieldId, int revision,
                        String currentText, String quote, int hint, long authorId, String body) {
        String text = Feedbacks.text(body);
        String passage = PassageAnchor.normal(quote);
        if (text == null || passage.isEmpty()) {
            throw new InvalidFeedbackException("empty");
        }
        if (passage.length() > MAX_QUOTE) {
            throw new InvalidFeedbackException("tooLong");
        }
        PassageAnchor.Span span = PassageAnchor.locate(currentText, passage, hint)
                .orElseThrow(() -> new InvalidFeedbackException("quoteNotFound"));
        em.createNativeQuery("INSERT INTO passage_comment (course_id, learner_id, exercise_id, field_id, revision, quote,"
                        + " start_offset, end_offset, author_id, body, created_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                        + " ?10, ?11 FROM membership WHERE id = ?2 AND course_id = ?1")
                .setParameter(1, courseId).setParameter(2, learnerId).setParameter(3, exerciseId).setParameter(4, fieldId)
                .setParameter(5, revision).setParameter(6, passage).setParameter(7, span.start())
                .setParameter(8, span.end()).setParameter(9, authorId).setParameter(10, text).setParameter(11, now())
                .executeUpdate();
        return number(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
    }

    /** An answer in a thread of this student's exercise; false when there is no such thread. */
    public boolean reply(long courseId, long learnerId, String exerciseId, long threadId, long authorId, String body) {
        String text = Feedbacks.text(body);
        if (text == null) {
            throw new InvalidFeedbackException("empty");
        }
        return em.createNativeQuery("INSERT INTO passage_comment (course_id, learner_id, exercise_id, field_id, revision,"
                        + " quote, start_offset, end_offset, parent_id, author_id, body, created_at) SELECT course_id,"
                        + " learner_id, exercise_id, field_id, revision, '', 0, 0, id, ?1, ?2, ?3 FROM passage_comment"
                        + " WHERE id = ?4 AND course_id = ?5 AND learner_id = ?6 AND exercise_id = ?7 AND parent_id IS NULL")
                .setParameter(1, authorId).setParameter(2, text).setParameter(3, now()).setParameter(4, threadId)
                .setParameter(5, courseId).setParameter(6, learnerId).setParameter(7, exerciseId).executeUpdate() == 1;
    }

    /** Resolves (or reopens) a thread; false when there is no such thread. */
    public boolean resolve(long courseId, long learnerId, String exerciseId, long threadId, boolean resolved) {
        return em.createNativeQuery("UPDATE passage_comment SET resolved_at = ?1 WHERE id = ?2 AND course_id = ?3"
                        + " AND learner_id = ?4 AND exercise_id = ?5 AND parent_id IS NULL")
                .setParameter(1, resolved ? now() : null).setParameter(2, threadId).setParameter(3, courseId)
                .setParameter(4, learnerId).setParameter(5, exerciseId).executeUpdate() == 1;
    }

    /**
     * The exercise's threads, oldest first, each placed in the field's current text.
     *
     * @param currentTexts field id → the plain text of its current answer
     */
    public List<CommentThread> threads(long courseId, long learnerId, String exerciseId, Map<String, String> currentTexts) {
        Map<Long, PassageComment> firsts = new LinkedHashMap<>();
        Map<Long, List<PassageComment>> replies = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT c.id, c.parent_id, c.field_id, c.revision, c.quote, c.start_offset,"
                        + " c.author_id, " + named("p") + ", c.body, c.resolved_at, c.created_at FROM passage_comment c"
                        + " LEFT JOIN membership a ON a.id = c.author_id LEFT JOIN person p ON p.id = a.person_id"
                        + " WHERE c.course_id = ?1 AND c.learner_id = ?2 AND c.exercise_id = ?3 ORDER BY c.id")
                .setParameter(1, courseId).setParameter(2, learnerId).setParameter(3, exerciseId).getResultList()) {
            Object[] r = (Object[]) row;
            PassageComment comment = new PassageComment(number(r[0]), nullableNumber(r[1]), (String) r[2],
                    (int) number(r[3]), (String) r[4], (int) number(r[5]), nullableNumber(r[6]), (String) r[7],
                    (String) r[8], instant(r[9]), instant(r[10]));
            if (comment.parentId() == null) {
                firsts.put(comment.id(), comment);
            } else {
                replies.computeIfAbsent(comment.parentId(), k -> new ArrayList<>()).add(comment);
            }
        }
        Map<String, String> normalTexts = new java.util.HashMap<>();
        currentTexts.forEach((field, text) -> normalTexts.put(field, PassageAnchor.normal(text)));
        return firsts.values().stream().map(c -> new CommentThread(c, replies.getOrDefault(c.id(), List.of()),
                PassageAnchor.locateInNormal(normalTexts.getOrDefault(c.fieldId(), ""), c.quote(), c.start()).orElse(null)))
                .toList();
    }

    /** Open threads on the student's work, by exercise: what their home page points to. */
    public Map<String, Long> openByExercise(long learnerId) {
        Map<String, Long> open = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT exercise_id, COUNT(*) FROM passage_comment WHERE learner_id = ?1"
                        + " AND parent_id IS NULL AND resolved_at IS NULL GROUP BY exercise_id ORDER BY MAX(created_at) DESC")
                .setParameter(1, learnerId).getResultList()) {
            Object[] r = (Object[]) row;
            open.put((String) r[0], number(r[1]));
        }
        return open;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
