package org.organizingworkbench.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.organizingworkbench.coaching.Feedbacks.number;

/**
 * The answers the dashboard draws campaign numbers from (number fields with a target, the action plan's targets
 * table), for every student the viewer sees, in one query whatever their number.
 */
@ApplicationScoped
@Transactional
public class CampaignNumbers {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /**
     * @param learnerScope the access policy's predicate over membership {@code m}
     * @param fields       the fields to read: exercise id → field ids
     */
    public List<CampaignAnswer> of(long courseId, String learnerScope, Map<String, Set<String>> fields) {
        if (fields.isEmpty()) {
            return List.of();
        }
        StringBuilder pairs = new StringBuilder();
        List<String> values = new ArrayList<>();
        fields.forEach((exercise, ids) -> ids.forEach(field -> {
            pairs.append(pairs.isEmpty() ? "" : " OR ").append("(a.exercise_id = ?").append(values.size() + 2)
                    .append(" AND a.field_id = ?").append(values.size() + 3).append(')');
            values.add(exercise);
            values.add(field);
        }));
        Query query = em.createNativeQuery("SELECT a.author_id, a.exercise_id, a.field_id, a.value FROM workbook_answer a"
                + " JOIN membership m ON m.id = a.author_id WHERE a.course_id = ?1 AND m.active = TRUE"
                + " AND m.role = 'LEARNER' AND " + learnerScope + " AND (" + pairs + ")").setParameter(1, courseId);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 2, values.get(i));
        }
        List<CampaignAnswer> answers = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            answers.add(new CampaignAnswer(number(r[0]), (String) r[1], (String) r[2], (String) r[3]));
        }
        return answers;
    }
}
