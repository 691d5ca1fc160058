package org.organizingworkbench.coaching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.privacy.DataScope;
import org.organizingworkbench.privacy.PersonalData;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "coaching" part of personal data: feedback on a student's work with its conversation, coaching notes and
 * comments on passages. A student's own export holds only what they may see (released feedback, shared notes): a
 * note kept private to staff never reaches them, not even in their archive. A course's export holds everything.
 * What staff wrote stays for the student when a staff member is deleted, without its author.
 */
@ApplicationScoped
@Transactional
public class CoachingData implements PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Override
    public String part() {
        return "coaching";
    }

    @Override
    public JsonNode export(DataScope scope) {
        boolean student = scope instanceof DataScope.Members;
        ObjectNode json = JSON.createObjectNode();
        rows(json.putArray("feedback"), "SELECT learner_id, exercise_id, author_id, score_given, score_maximum, body,"
                + " rubric, released_at FROM feedback WHERE " + where(scope) + (student ? " AND released_at IS NOT NULL" : ""),
                "learner", "exercise", "author", "scoreGiven", "scoreMaximum", "body", "rubric", "releasedAt");
        rows(json.putArray("feedbackReplies"), "SELECT f.learner_id, f.exercise_id, r.author_id, r.body, r.created_at"
                        + " FROM feedback_reply r JOIN feedback f ON f.id = r.feedback_id WHERE " + where(scope).replace("learner_id", "f.learner_id").replace("course_id", "f.course_id"),
                "learner", "exercise", "author", "body", "at");
        rows(json.putArray("coachingNotes"), "SELECT learner_id, author_id, observation, diagnosis, intervention,"
                        + " commitment, follow_up_on, shared, confirmed_at, created_at FROM coaching_note WHERE " + where(scope)
                        + (student ? " AND shared = TRUE" : ""),
                "learner", "author", "observation", "diagnosis", "intervention", "commitment", "followUpOn", "shared",
                "confirmedAt", "at");
        rows(json.putArray("passageComments"), "SELECT learner_id, exercise_id, field_id, revision, quote, parent_id,"
                        + " author_id, body, resolved_at, created_at FROM passage_comment WHERE " + where(scope),
                "learner", "exercise", "field", "revision", "quote", "replyTo", "author", "body", "resolvedAt", "at");
        rows(json.putArray("meetingAttendance"), "SELECT a.learner_id, m.section_id, m.held_on, a.status"
                        + " FROM meeting_attendance a JOIN section_meeting m ON m.id = a.meeting_id WHERE " + attendance(scope),
                "learner", "section", "heldOn", "status");
        rows(json.putArray("triadFeedback"), "SELECT f.learner_id, t.section_id, f.round, f.received, f.gave, f.saved_at"
                        + " FROM triad_feedback f JOIN triad t ON t.id = f.triad_id WHERE " + triad(scope),
                "learner", "section", "round", "received", "gave", "at");
        return json;
    }

    @Override
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("feedback", count("SELECT COUNT(*) FROM feedback WHERE " + where(scope)));
        counts.put("feedbackReplies", count("SELECT COUNT(*) FROM feedback_reply r JOIN feedback f ON f.id = r.feedback_id"
                + " WHERE " + where(scope).replace("learner_id", "f.learner_id").replace("course_id", "f.course_id")));
        counts.put("coachingNotes", count("SELECT COUNT(*) FROM coaching_note WHERE " + where(scope)));
        counts.put("passageComments", count("SELECT COUNT(*) FROM passage_comment WHERE " + where(scope)));
        counts.put("meetingAttendance", count("SELECT COUNT(*) FROM meeting_attendance a JOIN section_meeting m"
                + " ON m.id = a.meeting_id WHERE " + attendance(scope)));
        counts.put("triadFeedback", count("SELECT COUNT(*) FROM triad_feedback f JOIN triad t ON t.id = f.triad_id"
                + " WHERE " + triad(scope)));
        return counts;
    }

    @Override
    public void anonymiseAuthored(DataScope.Members members) {
        for (String table : List.of("feedback", "feedback_reply", "coaching_note", "passage_comment")) {
            em.createNativeQuery("UPDATE " + table + " SET author_id = NULL WHERE author_id IN (" + members.membershipIds()
                    + ")").executeUpdate();
        }
        em.createNativeQuery("UPDATE section_meeting SET created_by = NULL WHERE created_by IN (" + members.membershipIds()
                + ")").executeUpdate();
        em.createNativeQuery("UPDATE triad SET created_by = NULL WHERE created_by IN (" + members.membershipIds()
                + ")").executeUpdate();
    }

    @Override
    public void erase(DataScope scope) {
        em.createNativeQuery("DELETE FROM passage_comment WHERE parent_id IS NOT NULL AND " + where(scope)).executeUpdate();
        em.createNativeQuery("DELETE a FROM meeting_attendance a JOIN section_meeting m ON m.id = a.meeting_id WHERE "
                + attendance(scope)).executeUpdate();
        em.createNativeQuery("DELETE f FROM triad_feedback f JOIN triad t ON t.id = f.triad_id WHERE " + triad(scope))
                .executeUpdate();
        if (scope instanceof DataScope.Course) {
            em.createNativeQuery("DELETE FROM section_meeting WHERE " + where(scope)).executeUpdate();
            em.createNativeQuery("DELETE FROM triad WHERE " + where(scope)).executeUpdate();
        } else {
            em.createNativeQuery("DELETE FROM triad_member WHERE " + where(scope)).executeUpdate();
        }
        for (String table : List.of("passage_comment", "coaching_note", "feedback")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE " + where(scope)).executeUpdate();
        }
    }

    @Override
    public Optional<Instant> lastActivity(long courseId) {
        return List.of("SELECT MAX(graded_at) FROM feedback", "SELECT MAX(created_at) FROM coaching_note",
                        "SELECT MAX(created_at) FROM passage_comment").stream()
                .map(sql -> em.createNativeQuery(sql + " WHERE course_id = ?1").setParameter(1, courseId).getSingleResult())
                .map(Feedbacks::instant).filter(java.util.Objects::nonNull).max(Instant::compareTo);
    }

    private void rows(ArrayNode into, String sql, String... names) {
        org.organizingworkbench.privacy.ArchiveRows.add(em, into, sql, names);
    }

    private static String where(DataScope scope) {
        return scope instanceof DataScope.Course c ? "course_id = " + c.courseId()
                : "learner_id IN (" + ((DataScope.Members) scope).membershipIds() + ")";
    }

    private static String attendance(DataScope scope) {
        return scope instanceof DataScope.Course c ? "m.course_id = " + c.courseId()
                : "a.learner_id IN (" + ((DataScope.Members) scope).membershipIds() + ")";
    }

    private static String triad(DataScope scope) {
        return scope instanceof DataScope.Course c ? "t.course_id = " + c.courseId()
                : "f.learner_id IN (" + ((DataScope.Members) scope).membershipIds() + ")";
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
