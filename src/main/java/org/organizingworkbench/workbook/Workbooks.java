package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.privacy.PersonName;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Students' workbooks: saving answers without ever overwriting a newer one, their history, restoring an old
 * revision, and submitting an exercise. Who may call this for which {@link Author} is {@link WorkbookAccess}'s
 * decision, made before.
 */
@ApplicationScoped
@Transactional
public class Workbooks {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Event<ExerciseSubmitted> submitted;

    /**
     * Saves a field's value as the next revision, if the answer is still at {@code baseRevision} (0: never saved).
     * A save repeated with the same {@code saveId} (the browser retrying after losing the answer) is recognised and
     * not counted twice.
     */
    public SaveOutcome save(Author author, Exercise exercise, Field field, int baseRevision, JsonNode raw,
                            String saveId, long savedBy) {
        JsonNode value = AnswerValue.normalise(field, raw);
        if (baseRevision > 0) {
            // a save that changes nothing (a field left after typing and deleting) makes no revision
            Object[] current = currentRow(author, exercise.id(), field.id());
            if (((Number) current[1]).intValue() == baseRevision && AnswerValue.parse((String) current[2]).equals(value)) {
                return new SaveOutcome.Saved(baseRevision, instant(current[4]));
            }
        }
        return store(author, exercise.id(), field.id(), baseRevision, value, saveId, savedBy, null);
    }

    /** Brings back an old revision as the newest one (the history keeps both). */
    public SaveOutcome restore(Author author, Exercise exercise, Field field, int revision, int baseRevision, long savedBy) {
        Revision old = revision(author, exercise.id(), field.id(), revision)
                .orElseThrow(() -> new InvalidAnswerException("answer.noSuchRevision", field.id() + "#" + revision));
        return store(author, exercise.id(), field.id(), baseRevision, old.value(), null, savedBy, revision);
    }

    private SaveOutcome store(Author author, String exerciseId, String fieldId, int baseRevision, JsonNode value,
                              String saveId, long savedBy, Integer restoredFrom) {
        LocalDateTime now = now();
        String json = AnswerValue.write(value);
        int changed = baseRevision == 0
                ? em.createNativeQuery("INSERT IGNORE INTO workbook_answer (course_id, author_id, exercise_id, field_id,"
                                + " revision, value, save_id, saved_at) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7)")
                        .setParameter(1, author.courseId()).setParameter(2, author.membershipId())
                        .setParameter(3, exerciseId).setParameter(4, fieldId).setParameter(5, json)
                        .setParameter(6, saveId).setParameter(7, now).executeUpdate()
                : em.createNativeQuery("UPDATE workbook_answer SET revision = revision + 1, value = ?1, save_id = ?2,"
                                + " saved_at = ?3 WHERE author_id = ?4 AND exercise_id = ?5 AND field_id = ?6 AND revision = ?7")
                        .setParameter(1, json).setParameter(2, saveId).setParameter(3, now)
                        .setParameter(4, author.membershipId()).setParameter(5, exerciseId).setParameter(6, fieldId)
                        .setParameter(7, baseRevision).executeUpdate();
        Object[] current = currentRow(author, exerciseId, fieldId);
        long answerId = ((Number) current[0]).longValue();
        int revision = ((Number) current[1]).intValue();
        if (changed == 1) {
            em.createNativeQuery("INSERT INTO workbook_revision (answer_id, revision, value, saved_at, saved_by, restored_from)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, answerId).setParameter(2, revision).setParameter(3, json).setParameter(4, now)
                    .setParameter(5, savedBy).setParameter(6, restoredFrom).executeUpdate();
            return new SaveOutcome.Saved(revision, now.toInstant(ZoneOffset.UTC));
        }
        Instant savedAt = instant(current[4]);
        if (saveId != null && saveId.equals(current[3])) {
            return new SaveOutcome.Saved(revision, savedAt);
        }
        return new SaveOutcome.Conflict(new Answer(exerciseId, fieldId, revision, AnswerValue.parse((String) current[2]), savedAt));
    }

    private Object[] currentRow(Author author, String exerciseId, String fieldId) {
        return (Object[]) em.createNativeQuery("SELECT id, revision, value, save_id, saved_at FROM workbook_answer"
                        + " WHERE author_id = ?1 AND exercise_id = ?2 AND field_id = ?3")
                .setParameter(1, author.membershipId()).setParameter(2, exerciseId).setParameter(3, fieldId)
                .getSingleResult();
    }

    /** Every answer of the workbook: exercise id → field id → answer. */
    public Map<String, Map<String, Answer>> answers(Author author) {
        List<?> rows = em.createNativeQuery("SELECT exercise_id, field_id, revision, value, saved_at FROM workbook_answer"
                        + " WHERE author_id = ?1 ORDER BY exercise_id, field_id")
                .setParameter(1, author.membershipId()).getResultList();
        Map<String, Map<String, Answer>> answers = new LinkedHashMap<>();
        for (Object row : rows) {
            Answer answer = answer((Object[]) row);
            answers.computeIfAbsent(answer.exerciseId(), e -> new LinkedHashMap<>()).put(answer.fieldId(), answer);
        }
        return answers;
    }

    /** The answers of one exercise: field id → answer. */
    public Map<String, Answer> answers(Author author, String exerciseId) {
        List<?> rows = em.createNativeQuery("SELECT exercise_id, field_id, revision, value, saved_at FROM workbook_answer"
                        + " WHERE author_id = ?1 AND exercise_id = ?2")
                .setParameter(1, author.membershipId()).setParameter(2, exerciseId).getResultList();
        Map<String, Answer> answers = new HashMap<>();
        for (Object row : rows) {
            Answer answer = answer((Object[]) row);
            answers.put(answer.fieldId(), answer);
        }
        return answers;
    }

    /** The saves of one answer, newest first. */
    public List<Revision> history(Author author, String exerciseId, String fieldId) {
        return revisions(author, exerciseId, fieldId, null);
    }

    public Optional<Revision> revision(Author author, String exerciseId, String fieldId, int number) {
        return revisions(author, exerciseId, fieldId, number).stream().findFirst();
    }

    private List<Revision> revisions(Author author, String exerciseId, String fieldId, Integer number) {
        List<?> rows = em.createNativeQuery("SELECT r.revision, r.value, r.saved_at, "
                        + " " + PersonName.SQL + ","
                        + " r.restored_from FROM workbook_answer a JOIN workbook_revision r ON r.answer_id = a.id"
                        + " LEFT JOIN membership m ON m.id = r.saved_by LEFT JOIN person p ON p.id = m.person_id"
                        + " WHERE a.author_id = ?1 AND a.exercise_id = ?2 AND a.field_id = ?3"
                        + (number == null ? "" : " AND r.revision = ?4") + " ORDER BY r.revision DESC")
                .setParameter(1, author.membershipId()).setParameter(2, exerciseId).setParameter(3, fieldId)
                .setParameter(4, number == null ? 0 : number).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Revision(((Number) r[0]).intValue(), AnswerValue.parse((String) r[1]), instant(r[2]),
                    (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue());
        }).toList();
    }

    /**
     * Hands the exercise in as it is now. Refused when a required field is empty or nothing is written; the
     * reason names the fields.
     */
    public Submission submit(Author author, Exercise exercise, Instant at) {
        Map<String, Answer> answers = answers(author, exercise.id());
        List<String> missing = exercise.fields().stream().filter(Field::required)
                .filter(f -> !answers.containsKey(f.id()) || AnswerValue.isBlank(answers.get(f.id()).value()))
                .map(Field::id).toList();
        if (!missing.isEmpty()) {
            throw new InvalidAnswerException("submit.missing", String.join(",", missing), missing);
        }
        if (answers.values().stream().allMatch(a -> AnswerValue.isBlank(a.value()))) {
            throw new InvalidAnswerException("submit.empty", exercise.id());
        }
        Map<String, Integer> revisions = new LinkedHashMap<>();
        exercise.fields().stream().filter(f -> answers.containsKey(f.id()))
                .forEach(f -> revisions.put(f.id(), answers.get(f.id()).revision()));
        int number = ((Number) em.createNativeQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM workbook_submission"
                        + " WHERE author_id = ?1 AND exercise_id = ?2 FOR UPDATE")
                .setParameter(1, author.membershipId()).setParameter(2, exercise.id()).getSingleResult()).intValue();
        LocalDate due = exercise.dueDate().orElse(null);
        Instant submittedAt = at.truncatedTo(ChronoUnit.MILLIS);
        boolean late = DueDate.isLate(due, submittedAt);
        em.createNativeQuery("INSERT INTO workbook_submission (course_id, author_id, exercise_id, number, revisions,"
                        + " submitted_at, due_on, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, author.courseId()).setParameter(2, author.membershipId()).setParameter(3, exercise.id())
                .setParameter(4, number).setParameter(5, AnswerValue.write(AnswerValue.JSON.valueToTree(revisions)))
                .setParameter(6, LocalDateTime.ofInstant(submittedAt, ZoneOffset.UTC)).setParameter(7, due)
                .setParameter(8, late).executeUpdate();
        submitted.fire(new ExerciseSubmitted(author.courseId(), author.membershipId(), author.personId(), exercise.id(),
                number, submittedAt, late));
        return new Submission(exercise.id(), number, revisions, submittedAt, due, late);
    }

    /** The latest submission of each exercise that has one: exercise id → submission. */
    public Map<String, Submission> latestSubmissions(Author author) {
        List<?> rows = em.createNativeQuery("SELECT s.exercise_id, s.number, s.revisions, s.submitted_at, s.due_on, s.late"
                        + " FROM workbook_submission s WHERE s.author_id = ?1 AND s.number = (SELECT MAX(s2.number)"
                        + " FROM workbook_submission s2 WHERE s2.author_id = s.author_id AND s2.exercise_id = s.exercise_id)")
                .setParameter(1, author.membershipId()).getResultList();
        Map<String, Submission> latest = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Map<String, Integer> revisions = new LinkedHashMap<>();
            AnswerValue.parse((String) r[2]).fields().forEachRemaining(e -> revisions.put(e.getKey(), e.getValue().asInt()));
            latest.put((String) r[0], new Submission((String) r[0], ((Number) r[1]).intValue(), revisions, instant(r[3]),
                    r[4] == null ? null : ((java.sql.Date) r[4]).toLocalDate(), toBoolean(r[5])));
        }
        return latest;
    }

    /** One submission of an exercise by its number, as it was frozen (what a peer reviewer is shown). */
    public Optional<Submission> submission(Author author, String exerciseId, int number) {
        List<?> rows = em.createNativeQuery("SELECT revisions, submitted_at, due_on, late FROM workbook_submission"
                        + " WHERE author_id = ?1 AND exercise_id = ?2 AND number = ?3")
                .setParameter(1, author.membershipId()).setParameter(2, exerciseId).setParameter(3, number).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> {
            Map<String, Integer> revisions = new LinkedHashMap<>();
            AnswerValue.parse((String) r[0]).fields().forEachRemaining(e -> revisions.put(e.getKey(), e.getValue().asInt()));
            return new Submission(exerciseId, number, revisions, instant(r[1]),
                    r[2] == null ? null : ((java.sql.Date) r[2]).toLocalDate(), toBoolean(r[3]));
        }).findFirst();
    }

    /** How far each student of a course is: exercises written in, exercises submitted, the latest submission. */
    public Map<Long, Progress> progress(long courseId) {
        Map<Long, Progress> progress = new HashMap<>();
        List<?> started = em.createNativeQuery("SELECT author_id, COUNT(DISTINCT exercise_id) FROM workbook_answer"
                        + " WHERE course_id = ?1 GROUP BY author_id")
                .setParameter(1, courseId).getResultList();
        for (Object row : started) {
            Object[] r = (Object[]) row;
            progress.put(((Number) r[0]).longValue(), new Progress(((Number) r[1]).intValue(), 0, null));
        }
        List<?> submitted = em.createNativeQuery("SELECT author_id, COUNT(DISTINCT exercise_id), MAX(submitted_at)"
                        + " FROM workbook_submission WHERE course_id = ?1 GROUP BY author_id")
                .setParameter(1, courseId).getResultList();
        for (Object row : submitted) {
            Object[] r = (Object[]) row;
            long author = ((Number) r[0]).longValue();
            int begun = progress.getOrDefault(author, new Progress(0, 0, null)).started();
            progress.put(author, new Progress(begun, ((Number) r[1]).intValue(), instant(r[2])));
        }
        return progress;
    }

    /** @param lastSubmittedAt null when nothing is submitted yet */
    public record Progress(int started, int submitted, Instant lastSubmittedAt) {
    }

    private static Answer answer(Object[] row) {
        return new Answer((String) row[0], (String) row[1], ((Number) row[2]).intValue(), AnswerValue.parse((String) row[3]),
                instant(row[4]));
    }

    private static boolean toBoolean(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
