package org.organizingworkbench.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.privacy.DataScope;
import org.organizingworkbench.privacy.PersonalData;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.organizingworkbench.privacy.ArchiveRows.add;

/**
 * The "reviews" part of personal data: rounds, who took part, who reviewed whom and the reviews' answers. A student's
 * own archive holds what they may see: the reviews they wrote (the author unnamed when the round is anonymous) and the
 * reviews they received once released (the reviewer unnamed when anonymous). A course's archive holds everything.
 * A deleted person's reviews stay for the authors who received them, without the reviewer. Rounds are not imported:
 * pairings and due times belong to the run of the course they happened in.
 */
@ApplicationScoped
@Transactional
public class ReviewData implements PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSIGNMENTS = " FROM review_assignment a JOIN review_round r ON r.id = a.round_id";
    private static final String ANSWERS = "SELECT v.assignment_id, v.prompt_id, v.revision, v.value, v.saved_at"
            + " FROM review_answer v JOIN review_assignment a ON a.id = v.assignment_id JOIN review_round r ON r.id = a.round_id";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Override
    public String part() {
        return "reviews";
    }

    @Override
    public JsonNode export(DataScope scope) {
        ObjectNode json = JSON.createObjectNode();
        if (scope instanceof DataScope.Course c) {
            exportCourse(json, c.courseId());
        } else {
            exportMembers(json, ((DataScope.Members) scope).membershipIds());
        }
        return json;
    }

    private void exportCourse(ObjectNode json, long course) {
        add(em, json.putArray("rounds"), "SELECT id, exercise_id, reviewers_per_piece, scope, anonymous, reviews_due,"
                        + " grace_hours, work_weight, review_weight, released_at, created_by, created_at FROM review_round"
                        + " WHERE course_id = " + course,
                "round", "exercise", "reviewersPerPiece", "scope", "anonymous", "reviewsDue", "graceHours", "workWeight",
                "reviewWeight", "releasedAt", "createdBy", "createdAt");
        add(em, json.putArray("participants"), "SELECT p.round_id, p.membership_id, p.submission_number, p.submitted_at,"
                        + " p.excused, p.revision_plan, p.plan_saved_at, p.revised_number, p.revised_at FROM review_participant p"
                        + " JOIN review_round r ON r.id = p.round_id WHERE r.course_id = " + course,
                "round", "membership", "submission", "submittedAt", "excused", "revisionPlan", "planSavedAt",
                "revisedSubmission", "revisedAt");
        add(em, json.putArray("assignments"), "SELECT a.id, a.round_id, a.reviewer_id, a.author_id, a.submission_number,"
                        + " a.status, a.assigned_at, a.due_at, a.submitted_at, a.helpfulness, a.flagged_at, a.flag_note"
                        + ASSIGNMENTS + " WHERE r.course_id = " + course,
                "assignment", "round", "reviewer", "author", "submission", "status", "assignedAt", "dueAt", "submittedAt",
                "helpfulness", "flaggedAt", "flagNote");
        add(em, json.putArray("answers"), ANSWERS + " WHERE r.course_id = " + course,
                "assignment", "prompt", "revision", "value", "savedAt");
    }

    private void exportMembers(ObjectNode json, String ids) {
        add(em, json.putArray("participations"), "SELECT p.round_id, r.exercise_id, p.membership_id, p.submission_number,"
                        + " p.submitted_at, p.excused, p.revision_plan, p.plan_saved_at, p.revised_number, p.revised_at"
                        + " FROM review_participant p JOIN review_round r ON r.id = p.round_id WHERE p.membership_id IN (" + ids + ")",
                "round", "exercise", "membership", "submission", "submittedAt", "excused", "revisionPlan", "planSavedAt",
                "revisedSubmission", "revisedAt");
        add(em, json.putArray("written"), "SELECT a.id, a.round_id, r.exercise_id, a.reviewer_id,"
                        + " CASE WHEN r.anonymous THEN NULL ELSE a.author_id END, a.status, a.assigned_at, a.due_at,"
                        + " a.submitted_at, a.helpfulness" + ASSIGNMENTS + " WHERE a.reviewer_id IN (" + ids + ")",
                "assignment", "round", "exercise", "reviewer", "author", "status", "assignedAt", "dueAt", "submittedAt",
                "helpfulness");
        add(em, json.putArray("received"), "SELECT a.id, a.round_id, r.exercise_id, a.author_id,"
                        + " CASE WHEN r.anonymous THEN NULL ELSE a.reviewer_id END, a.submission_number, a.submitted_at,"
                        + " a.helpfulness, a.flagged_at, a.flag_note" + ASSIGNMENTS + " WHERE " + received(ids),
                "assignment", "round", "exercise", "author", "reviewer", "submission", "submittedAt", "helpfulness",
                "flaggedAt", "flagNote");
        add(em, json.putArray("answers"), ANSWERS + " WHERE a.reviewer_id IN (" + ids + ") OR " + received(ids),
                "assignment", "prompt", "revision", "value", "savedAt");
    }

    /** Reviews of the members' work they may read: handed in, in a released round. */
    private static String received(String ids) {
        return "(a.author_id IN (" + ids + ") AND a.status = 'SUBMITTED' AND r.released_at IS NOT NULL)";
    }

    @Override
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (scope instanceof DataScope.Course c) {
            counts.put("reviewRounds", count("SELECT COUNT(*) FROM review_round WHERE course_id = " + c.courseId()));
            counts.put("reviewParticipations", count("SELECT COUNT(*) FROM review_participant p JOIN review_round r"
                    + " ON r.id = p.round_id WHERE r.course_id = " + c.courseId()));
            counts.put("reviews", count("SELECT COUNT(*)" + ASSIGNMENTS + " WHERE r.course_id = " + c.courseId()));
        } else {
            String ids = ((DataScope.Members) scope).membershipIds();
            counts.put("reviewRounds", 0L);
            counts.put("reviewParticipations", count("SELECT COUNT(*) FROM review_participant WHERE membership_id IN ("
                    + ids + ")"));
            counts.put("reviews", count("SELECT COUNT(*) FROM review_assignment WHERE author_id IN (" + ids + ")"));
        }
        return counts;
    }

    /** The reviews a member wrote stay for their authors; the rounds they started stay for the course. */
    @Override
    public void anonymiseAuthored(DataScope.Members members) {
        em.createNativeQuery("UPDATE review_assignment SET reviewer_id = NULL WHERE reviewer_id IN ("
                + members.membershipIds() + ")").executeUpdate();
        em.createNativeQuery("UPDATE review_round SET created_by = NULL WHERE created_by IN (" + members.membershipIds()
                + ")").executeUpdate();
    }

    /** Answers go with their assignment (ON DELETE CASCADE). */
    @Override
    public void erase(DataScope scope) {
        if (scope instanceof DataScope.Course c) {
            em.createNativeQuery("DELETE FROM review_round WHERE course_id = " + c.courseId()).executeUpdate();
            return;
        }
        String ids = ((DataScope.Members) scope).membershipIds();
        em.createNativeQuery("DELETE FROM review_assignment WHERE author_id IN (" + ids + ") OR reviewer_id IN (" + ids
                + ")").executeUpdate();
        em.createNativeQuery("DELETE FROM review_participant WHERE membership_id IN (" + ids + ")").executeUpdate();
    }

    @Override
    public Optional<Instant> lastActivity(long courseId) {
        Object latest = em.createNativeQuery("SELECT MAX(v.saved_at) FROM review_answer v JOIN review_assignment a"
                + " ON a.id = v.assignment_id JOIN review_round r ON r.id = a.round_id WHERE r.course_id = ?1")
                .setParameter(1, courseId).getSingleResult();
        return Optional.ofNullable(latest).map(ReviewRounds::instant);
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
