package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.privacy.DataScope;
import org.organizingworkbench.privacy.ImportTarget;
import org.organizingworkbench.privacy.PersonalData;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "workbook" part of personal data: every answer with its whole history, and every submission. Answers are
 * exported as stored (the field's JSON shape, docs/workbook.md), so an import brings back exactly what was written.
 */
@ApplicationScoped
@Transactional
public class WorkbookData implements PersonalData {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Override
    public String part() {
        return "workbook";
    }

    @Override
    public JsonNode export(DataScope scope) {
        ObjectNode json = AnswerValue.JSON.createObjectNode();
        ArrayNode answers = json.putArray("answers");
        Map<Long, ArrayNode> historyOf = new LinkedHashMap<>();
        for (Object row : rows("SELECT a.id, a.author_id, a.course_id, a.exercise_id, a.field_id, a.revision, a.value,"
                + " a.saved_at FROM workbook_answer a WHERE " + where(scope, "a") + " ORDER BY a.author_id, a.exercise_id,"
                + " a.field_id")) {
            Object[] r = (Object[]) row;
            ObjectNode answer = answers.addObject();
            answer.put("membership", number(r[1])).put("course", number(r[2])).put("exercise", (String) r[3])
                    .put("field", (String) r[4]).put("revision", ((Number) r[5]).intValue());
            answer.set("value", AnswerValue.parse((String) r[6]));
            answer.put("savedAt", instant(r[7]).toString());
            historyOf.put(number(r[0]), answer.putArray("revisions"));
        }
        for (Object row : rows("SELECT r.answer_id, r.revision, r.value, r.saved_at, r.saved_by, r.restored_from"
                + " FROM workbook_answer a JOIN workbook_revision r ON r.answer_id = a.id WHERE " + where(scope, "a")
                + " ORDER BY r.answer_id, r.revision")) {
            Object[] r = (Object[]) row;
            ObjectNode revision = historyOf.get(number(r[0])).addObject();
            revision.put("revision", ((Number) r[1]).intValue());
            revision.set("value", AnswerValue.parse((String) r[2]));
            revision.put("savedAt", instant(r[3]).toString());
            revision.put("savedBy", r[4] == null ? null : number(r[4]));
            revision.put("restoredFrom", r[5] == null ? null : ((Number) r[5]).intValue());
        }
        ArrayNode submissions = json.putArray("submissions");
        for (Object row : rows("SELECT s.author_id, s.course_id, s.exercise_id, s.number, s.revisions, s.submitted_at,"
                + " s.due_on, s.late FROM workbook_submission s WHERE " + where(scope, "s")
                + " ORDER BY s.author_id, s.exercise_id, s.number")) {
            Object[] r = (Object[]) row;
            ObjectNode submission = submissions.addObject();
            submission.put("membership", number(r[0])).put("course", number(r[1])).put("exercise", (String) r[2])
                    .put("number", ((Number) r[3]).intValue());
            submission.set("revisions", AnswerValue.parse((String) r[4]));
            submission.put("submittedAt", instant(r[5]).toString());
            submission.put("dueOn", r[6] == null ? null : ((java.sql.Date) r[6]).toLocalDate().toString());
            submission.put("late", (boolean) (r[7] instanceof Boolean b ? b : ((Number) r[7]).intValue() != 0));
        }
        return json;
    }

    @Override
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("answers", count("SELECT COUNT(*) FROM workbook_answer a WHERE " + where(scope, "a")));
        counts.put("revisions", count("SELECT COUNT(*) FROM workbook_answer a JOIN workbook_revision r"
                + " ON r.answer_id = a.id WHERE " + where(scope, "a")));
        counts.put("submissions", count("SELECT COUNT(*) FROM workbook_submission s WHERE " + where(scope, "s")));
        return counts;
    }

    @Override
    public void anonymiseAuthored(DataScope.Members members) {
        em.createNativeQuery("UPDATE workbook_revision SET saved_by = NULL WHERE saved_by IN (" + members.membershipIds()
                + ")").executeUpdate();
    }

    @Override
    public void erase(DataScope scope) {
        em.createNativeQuery("DELETE r FROM workbook_revision r JOIN workbook_answer a ON a.id = r.answer_id WHERE "
                + where(scope, "a")).executeUpdate();
        em.createNativeQuery("DELETE a FROM workbook_answer a WHERE " + where(scope, "a")).executeUpdate();
        em.createNativeQuery("DELETE s FROM workbook_submission s WHERE " + where(scope, "s")).executeUpdate();
    }

    @Override
    public Optional<Instant> lastActivity(long courseId) {
        return java.util.stream.Stream.of("SELECT MAX(saved_at) FROM workbook_answer WHERE course_id = ?1",
                        "SELECT MAX(submitted_at) FROM workbook_submission WHERE course_id = ?1")
                .map(sql -> em.createNativeQuery(sql).setParameter(1, courseId).getSingleResult())
                .filter(java.util.Objects::nonNull).map(WorkbookData::instant).max(Instant::compareTo);
    }

    /** Answers (with their history) and submissions of mapped members; what the target already has is kept. */
    @Override
    public int importPart(JsonNode part, ImportTarget target) {
        int added = 0;
        for (JsonNode answer : part.path("answers")) {
            Optional<Long> author = target.membership(answer.path("membership").asLong());
            if (author.isEmpty()) {
                continue;
            }
            int inserted = em.createNativeQuery("INSERT IGNORE INTO workbook_answer (course_id, author_id, exercise_id,"
                            + " field_id, revision, value, save_id, saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7)")
                    .setParameter(1, target.courseId()).setParameter(2, author.get())
                    .setParameter(3, answer.path("exercise").asText()).setParameter(4, answer.path("field").asText())
                    .setParameter(5, answer.path("revision").asInt()).setParameter(6, AnswerValue.write(answer.path("value")))
                    .setParameter(7, time(answer.path("savedAt").asText())).executeUpdate();
            if (inserted == 0) {
                continue;
            }
            added++;
            long answerId = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
            for (JsonNode revision : answer.path("revisions")) {
                em.createNativeQuery("INSERT INTO workbook_revision (answer_id, revision, value, saved_at, saved_by,"
                                + " restored_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, answerId).setParameter(2, revision.path("revision").asInt())
                        .setParameter(3, AnswerValue.write(revision.path("value")))
                        .setParameter(4, time(revision.path("savedAt").asText()))
                        .setParameter(5, revision.path("savedBy").isNumber()
                                ? target.membership(revision.path("savedBy").asLong()).orElse(null) : null)
                        .setParameter(6, revision.path("restoredFrom").isNumber() ? revision.path("restoredFrom").asInt() : null)
                        .executeUpdate();
            }
        }
        for (JsonNode submission : part.path("submissions")) {
            Optional<Long> author = target.membership(submission.path("membership").asLong());
            if (author.isEmpty()) {
                continue;
            }
            added += em.createNativeQuery("INSERT IGNORE INTO workbook_submission (course_id, author_id, exercise_id, number,"
                            + " revisions, submitted_at, due_on, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, target.courseId()).setParameter(2, author.get())
                    .setParameter(3, submission.path("exercise").asText()).setParameter(4, submission.path("number").asInt())
                    .setParameter(5, AnswerValue.write(submission.path("revisions")))
                    .setParameter(6, time(submission.path("submittedAt").asText()))
                    .setParameter(7, submission.path("dueOn").isTextual() ? LocalDate.parse(submission.path("dueOn").asText()) : null)
                    .setParameter(8, submission.path("late").asBoolean()).executeUpdate();
        }
        return added;
    }

    private static String where(DataScope scope, String alias) {
        return scope instanceof DataScope.Course c ? alias + ".course_id = " + c.courseId()
                : alias + ".author_id IN (" + ((DataScope.Members) scope).membershipIds() + ")";
    }

    private List<?> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDateTime time(String iso) {
        return LocalDateTime.ofInstant(Instant.parse(iso), ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
