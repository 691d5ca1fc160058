package org.organizingworkbench.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "grades" part of personal data: each grade with its comment, and how its deliveries to the LMS went. Deleting
 * a learner deletes their grades and every outbox row (with its comment and LMS user id), sent or not; a grader who
 * is deleted leaves their grades without a grader.
 */
@ApplicationScoped
@Transactional
public class GradeData implements PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRADE = "SELECT g.id, m.id, g.course_id, rl.link_id, rl.title, rl.exercise_id, g.score_given,"
            + " g.score_maximum, g.comment, g.activity_progress, g.grading_progress, g.graded_by_membership_id,"
            + " g.updated_at, g.submitted_at FROM grade g JOIN resource_link rl ON rl.id = g.resource_link_id"
            + " JOIN membership m ON m.course_id = g.course_id AND m.person_id = g.person_id";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Override
    public String part() {
        return "grades";
    }

    @Override
    public JsonNode export(DataScope scope) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode grades = json.putArray("grades");
        Map<Long, ArrayNode> deliveriesOf = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(GRADE + " WHERE " + where(scope) + " ORDER BY g.id").getResultList()) {
            Object[] r = (Object[]) row;
            ObjectNode grade = grades.addObject();
            grade.put("membership", number(r[1])).put("course", number(r[2]));
            grade.putObject("link").put("id", (String) r[3]).put("title", (String) r[4]).put("exercise", (String) r[5]);
            grade.put("scoreGiven", r[6] == null ? null : ((Number) r[6]).doubleValue());
            grade.put("scoreMaximum", ((Number) r[7]).doubleValue()).put("comment", (String) r[8])
                    .put("activityProgress", (String) r[9]).put("gradingProgress", (String) r[10])
                    .put("gradedBy", r[11] == null ? null : number(r[11])).put("updatedAt", instant(r[12]).toString())
                    .put("submittedAt", r[13] == null ? null : instant(r[13]).toString());
            deliveriesOf.put(number(r[0]), grade.putArray("deliveries"));
        }
        if (!deliveriesOf.isEmpty()) {
            String ids = String.join(",", deliveriesOf.keySet().stream().map(String::valueOf).toList());
            for (Object row : em.createNativeQuery("SELECT grade_id, status, attempts, created_at, sent_at FROM grade_delivery"
                    + " WHERE grade_id IN (" + ids + ") ORDER BY id").getResultList()) {
                Object[] r = (Object[]) row;
                deliveriesOf.get(number(r[0])).addObject().put("status", (String) r[1])
                        .put("attempts", ((Number) r[2]).intValue()).put("queuedAt", instant(r[3]).toString())
                        .put("sentAt", r[4] == null ? null : instant(r[4]).toString());
            }
        }
        return json;
    }

    @Override
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("grades", count("SELECT COUNT(*) FROM grade g JOIN membership m ON m.course_id = g.course_id"
                + " AND m.person_id = g.person_id WHERE " + where(scope)));
        counts.put("deliveries", count("SELECT COUNT(*) FROM grade_delivery d JOIN grade g ON g.id = d.grade_id"
                + " JOIN membership m ON m.course_id = g.course_id AND m.person_id = g.person_id WHERE " + where(scope)));
        return counts;
    }

    @Override
    public void anonymiseAuthored(DataScope.Members members) {
        em.createNativeQuery("UPDATE grade SET graded_by_membership_id = NULL WHERE graded_by_membership_id IN ("
                + members.membershipIds() + ")").executeUpdate();
    }

    @Override
    public void erase(DataScope scope) {
        String grades = scope instanceof DataScope.Course c ? "SELECT id FROM grade WHERE course_id = " + c.courseId()
                : "SELECT g.id FROM grade g JOIN membership m ON m.course_id = g.course_id AND m.person_id = g.person_id"
                + " WHERE " + where(scope);
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery(grades).getResultList();
        if (ids.isEmpty()) {
            return;
        }
        String list = String.join(",", ids.stream().map(id -> String.valueOf(number(id))).toList());
        em.createNativeQuery("DELETE FROM grade_delivery WHERE grade_id IN (" + list + ")").executeUpdate();
        em.createNativeQuery("DELETE FROM grade WHERE id IN (" + list + ")").executeUpdate();
    }

    @Override
    public Optional<Instant> lastActivity(long courseId) {
        Object latest = em.createNativeQuery("SELECT MAX(updated_at) FROM grade WHERE course_id = ?1")
                .setParameter(1, courseId).getSingleResult();
        return Optional.ofNullable(latest).map(GradeData::instant);
    }

    /**
     * Grades of mapped learners, on a link of the same id in the target course (added without a line item, so an
     * imported grade is kept but never sent to this installation's LMS). A grade the target already has is kept.
     */
    @Override
    public int importPart(JsonNode part, ImportTarget target) {
        int added = 0;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (JsonNode grade : part.path("grades")) {
            Optional<Long> learner = target.membership(grade.path("membership").asLong());
            String linkId = grade.path("link").path("id").asText("");
            if (learner.isEmpty() || linkId.isBlank() || !grade.path("scoreMaximum").isNumber()) {
                continue;
            }
            em.createNativeQuery("INSERT INTO resource_link (course_id, link_id, title, exercise_id, updated_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
                    .setParameter(1, target.courseId()).setParameter(2, linkId)
                    .setParameter(3, grade.path("link").path("title").asText(null))
                    .setParameter(4, grade.path("link").path("exercise").asText(null)).setParameter(5, now).executeUpdate();
            long linkRow = number(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
            added += em.createNativeQuery("INSERT IGNORE INTO grade (course_id, resource_link_id, person_id, score_given,"
                            + " score_maximum, comment, activity_progress, grading_progress, graded_by_membership_id,"
                            + " updated_at, submitted_at) SELECT ?1, ?2, m.person_id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10"
                            + " FROM membership m WHERE m.id = ?11")
                    .setParameter(1, target.courseId()).setParameter(2, linkRow)
                    .setParameter(3, grade.path("scoreGiven").isNumber() ? grade.path("scoreGiven").asDouble() : null)
                    .setParameter(4, grade.path("scoreMaximum").asDouble())
                    .setParameter(5, grade.path("comment").isTextual() ? grade.path("comment").asText() : null)
                    .setParameter(6, grade.path("activityProgress").asText("Completed"))
                    .setParameter(7, grade.path("gradingProgress").asText("FullyGraded"))
                    .setParameter(8, grade.path("gradedBy").isNumber()
                            ? target.membership(grade.path("gradedBy").asLong()).orElse(null) : null)
                    .setParameter(9, time(grade.path("updatedAt").asText(null), now))
                    .setParameter(10, grade.path("submittedAt").isTextual() ? time(grade.path("submittedAt").asText(), now) : null)
                    .setParameter(11, learner.get()).executeUpdate();
        }
        return added;
    }

    private static String where(DataScope scope) {
        return scope instanceof DataScope.Course c ? "g.course_id = " + c.courseId()
                : "m.id IN (" + ((DataScope.Members) scope).membershipIds() + ")";
    }

    private long count(String sql) {
        return number(em.createNativeQuery(sql).getSingleResult());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDateTime time(String iso, LocalDateTime otherwise) {
        return iso == null ? otherwise : LocalDateTime.ofInstant(Instant.parse(iso), ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
