package org.organizingworkbench.review;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.AnswerValue;
import org.organizingworkbench.workbook.InvalidAnswerException;
import org.organizingworkbench.workbook.SaveOutcome;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reviews themselves: a reviewer's answers to the form, saved as the workbook saves a field (a save names the
 * revision it was based on; a repeated save is recognised by its id), submitted once every required prompt has an
 * answer; the author's answer to a review (how helpful, a flag). Values are checked and cleaned as workbook answers
 * are ({@link AnswerValue}: long texts through the one HTML policy).
 */
@ApplicationScoped
@Transactional
public class Reviews {

    public static final int MAX_NOTE = 500;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Clock clock;

    /** The answers of a review: prompt id → answer (its revision and value). */
    public Map<String, Answer> answers(Assignment assignment) {
        Map<String, Answer> answers = new HashMap<>();
        List<?> rows = em.createNativeQuery("SELECT prompt_id, revision, value, saved_at FROM review_answer"
                + " WHERE assignment_id = ?1").setParameter(1, assignment.id()).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            answers.put((String) r[0], new Answer(assignment.exerciseId(), (String) r[0], ((Number) r[1]).intValue(),
                    AnswerValue.parse((String) r[2]), ReviewRounds.instant(r[3])));
        }
        return answers;
    }

    /**
     * Saves one answer if it is still at {@code base} (0: never saved). Only an open review is written.
     *
     * @throws InvalidAnswerException when the value does not fit the prompt or the review is closed
     */
    public SaveOutcome save(Assignment assignment, Field prompt, int base, JsonNode raw, String saveId) {
        if (assignment.status() != AssignmentStatus.ASSIGNED) {
            throw new InvalidAnswerException("review.closed", String.valueOf(assignment.id()));
        }
        String json = AnswerValue.write(AnswerValue.normalise(prompt, raw));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = base == 0
                ? em.createNativeQuery("INSERT IGNORE INTO review_answer (assignment_id, prompt_id, revision, value, save_id,"
                                + " saved_at) VALUES (?1, ?2, 1, ?3, ?4, ?5)")
                        .setParameter(1, assignment.id()).setParameter(2, prompt.id()).setParameter(3, json)
                        .setParameter(4, saveId).setParameter(5, ReviewRounds.time(now)).executeUpdate()
                : em.createNativeQuery("UPDATE review_answer SET revision = revision + 1, value = ?1, save_id = ?2,"
                                + " saved_at = ?3 WHERE assignment_id = ?4 AND prompt_id = ?5 AND revision = ?6")
                        .setParameter(1, json).setParameter(2, saveId).setParameter(3, ReviewRounds.time(now))
                        .setParameter(4, assignment.id()).setParameter(5, prompt.id()).setParameter(6, base).executeUpdate();
        Object[] current = (Object[]) em.createNativeQuery("SELECT revision, value, save_id, saved_at FROM review_answer"
                        + " WHERE assignment_id = ?1 AND prompt_id = ?2")
                .setParameter(1, assignment.id()).setParameter(2, prompt.id()).getSingleResult();
        int revision = ((Number) current[0]).intValue();
        Instant savedAt = ReviewRounds.instant(current[3]);
        if (changed == 1 || (saveId != null && saveId.equals(current[2]))) {
            return new SaveOutcome.Saved(revision, savedAt);
        }
        return new SaveOutcome.Conflict(new Answer(assignment.exerciseId(), prompt.id(), revision,
                AnswerValue.parse((String) current[1]), savedAt));
    }

    /**
     * Hands the review in.
     *
     * @throws InvalidAnswerException "submit.missing" naming the prompts still empty, or "review.closed"
     */
    public void submit(Assignment assignment, ReviewForm form) {
        if (assignment.status() != AssignmentStatus.ASSIGNED) {
            throw new InvalidAnswerException("review.closed", String.valueOf(assignment.id()));
        }
        Map<String, Answer> answers = answers(assignment);
        List<String> missing = form.prompts().stream().filter(Field::required)
                .filter(p -> !answers.containsKey(p.id()) || AnswerValue.isBlank(answers.get(p.id()).value()))
                .map(Field::id).toList();
        if (!missing.isEmpty()) {
            throw new InvalidAnswerException("submit.missing", String.join(",", missing), missing);
        }
        em.createNativeQuery("UPDATE review_assignment SET status = 'SUBMITTED', submitted_at = ?1 WHERE id = ?2"
                        + " AND status = 'ASSIGNED'")
                .setParameter(1, ReviewRounds.time(clock.instant())).setParameter(2, assignment.id()).executeUpdate();
    }

    /** The author says how helpful a submitted review of their piece was (1 not at all … 5 very). */
    public void rate(Assignment review, long authorId, int helpfulness) {
        if (helpfulness < 1 || helpfulness > 5) {
            throw new InvalidRoundException("helpfulness");
        }
        answer(review, authorId, "helpfulness = " + helpfulness);
    }

    /** The author flags a review as inappropriate; staff see it on the round's page. */
    public void flag(Assignment review, long authorId, String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new InvalidRoundException("noteTooLong");
        }
        int changed = em.createNativeQuery("UPDATE review_assignment SET flagged_at = ?1, flag_note = ?2 WHERE id = ?3"
                        + " AND author_id = ?4 AND status = 'SUBMITTED'")
                .setParameter(1, ReviewRounds.time(clock.instant())).setParameter(2, text.isEmpty() ? null : text)
                .setParameter(3, review.id()).setParameter(4, authorId).executeUpdate();
        if (changed == 0) {
            throw new InvalidRoundException("unknown");
        }
    }

    private void answer(Assignment review, long authorId, String set) {
        int changed = em.createNativeQuery("UPDATE review_assignment SET " + set + " WHERE id = ?1 AND author_id = ?2"
                        + " AND status = 'SUBMITTED'")
                .setParameter(1, review.id()).setParameter(2, authorId).executeUpdate();
        if (changed == 0) {
            throw new InvalidRoundException("unknown");
        }
    }
}
