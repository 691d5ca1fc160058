package org.organizingworkbench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.access.WorkOpened;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit of staff reads: every {@link WorkOpened} (a member of staff opening a student's work or coaching notes)
 * is kept with who, what and when, and is part of the student's export ("reads"). Deleted with the student; a reader
 * who is deleted leaves the entry without a name.
 */
@ApplicationScoped
@Transactional
public class WorkReads implements PersonalData {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    void record(@Observes WorkOpened opened) {
        if (opened.viewerMembershipId() == opened.learnerId()) {
            return; // a student reading their own work is nobody else's read
        }
        em.createNativeQuery("INSERT INTO work_read (course_id, learner_id, viewer_id, viewer_role, what, read_at)"
                        + " SELECT ?1, ?2, v.id, v.role, ?3, ?4 FROM membership v WHERE v.id = ?5 AND v.course_id = ?1")
                .setParameter(1, opened.courseId()).setParameter(2, opened.learnerId())
                .setParameter(3, opened.what().length() > 100 ? opened.what().substring(0, 100) : opened.what())
                .setParameter(4, LocalDateTime.ofInstant(opened.at(), ZoneOffset.UTC))
                .setParameter(5, opened.viewerMembershipId()).executeUpdate();
    }

    /** One read, as the student's export and page show it. viewerName is null once the reader was deleted. */
    public record Read(long learnerMembershipId, Long viewerMembershipId, String viewerName, String viewerRole,
                       String what, java.time.Instant at) {
    }

    /** The reads of one student's work, newest first. */
    public List<Read> ofLearner(long learnerMembershipId) {
        return reads("r.learner_id = ?1", learnerMembershipId);
    }

    private List<Read> reads(String where, long id) {
        List<?> rows = em.createNativeQuery("SELECT r.learner_id, r.viewer_id, " + PersonName.SQL + ", r.viewer_role,"
                        + " r.what, r.read_at FROM work_read r LEFT JOIN membership v ON v.id = r.viewer_id"
                        + " LEFT JOIN person p ON p.id = v.person_id WHERE " + where + " ORDER BY r.read_at DESC, r.id DESC")
                .setParameter(1, id).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Read(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                    (String) r[2], (String) r[3], (String) r[4], instant(r[5]));
        }).toList();
    }

    @Override
    public String part() {
        return "reads";
    }

    @Override
    public JsonNode export(DataScope scope) {
        List<Read> reads = scope instanceof DataScope.Course course ? reads("r.course_id = ?1", course.courseId())
                : ((DataScope.Members) scope).members().stream()
                .flatMap(m -> ofLearner(m.membershipId()).stream()).toList();
        ArrayNode list = PersonalDataArchive.JSON.createArrayNode();
        for (Read read : reads) {
            ObjectNode entry = list.addObject();
            entry.put("learner", read.learnerMembershipId());
            entry.put("viewer", read.viewerMembershipId());
            entry.put("viewerName", read.viewerName() == null ? null : PersonName.worded(read.viewerName(), "Participant {0}"));
            entry.put("viewerRole", read.viewerRole());
            entry.put("what", read.what());
            entry.put("at", read.at().toString());
        }
        return list;
    }

    @Override
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("reads", count(scope instanceof DataScope.Course course
                ? "SELECT COUNT(*) FROM work_read WHERE course_id = " + course.courseId()
                : "SELECT COUNT(*) FROM work_read WHERE learner_id IN (" + ((DataScope.Members) scope).membershipIds() + ")"));
        return counts;
    }

    @Override
    public void anonymiseAuthored(DataScope.Members members) {
        em.createNativeQuery("UPDATE work_read SET viewer_id = NULL WHERE viewer_id IN (" + members.membershipIds() + ")")
                .executeUpdate();
    }

    @Override
    public void erase(DataScope scope) {
        if (scope instanceof DataScope.Course course) {
            em.createNativeQuery("DELETE FROM work_read WHERE course_id = ?1").setParameter(1, course.courseId())
                    .executeUpdate();
        } else {
            em.createNativeQuery("DELETE FROM work_read WHERE learner_id IN (" + ((DataScope.Members) scope).membershipIds()
                    + ")").executeUpdate();
        }
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
