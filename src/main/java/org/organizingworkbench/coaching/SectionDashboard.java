package org.organizingworkbench.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.curriculum.Curriculum;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.organizingworkbench.coaching.Feedbacks.bool;
import static org.organizingworkbench.coaching.Feedbacks.instant;
import static org.organizingworkbench.coaching.Feedbacks.named;
import static org.organizingworkbench.coaching.Feedbacks.nullableNumber;
import static org.organizingworkbench.coaching.Feedbacks.number;

/**
 * Reads the section dashboard of the students a viewer sees in three queries whatever their number: the students
 * with their sections, every fact about their exercises (answers, submissions, feedback, passage comments) as one
 * UNION, and the sections' Fellows. {@link ModuleProgress} turns the facts into states.
 */
@ApplicationScoped
@Transactional
public class SectionDashboard {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @param learnerScope the access policy's predicate over membership {@code m}
     * @param allSections  true for an instructor: every section of the course, led or not, with its Fellows
     */
    public Dashboard of(long courseId, String learnerScope, Curriculum curriculum, boolean allSections) {
        Instant now = clock.instant();
        Map<Long, Map<String, ExerciseFacts>> facts = facts(courseId, learnerScope);
        List<DashboardRow> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT m.id, " + named("p") + ", s.id, s.name FROM membership m"
                        + " JOIN person p ON p.id = m.person_id LEFT JOIN section_member sm ON sm.membership_id = m.id"
                        + " LEFT JOIN section s ON s.id = sm.section_id WHERE m.course_id = ?1 AND m.active = TRUE"
                        + " AND m.role = 'LEARNER' AND " + learnerScope + " ORDER BY s.name IS NULL, s.name, 2, m.id")
                .setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            long learner = number(r[0]);
            Map<String, ExerciseFacts> own = facts.getOrDefault(learner, Map.of());
            List<CellState> cells = curriculum.modules().stream().map(m -> ModuleProgress.state(m, own, now)).toList();
            Set<Attention> attention = ModuleProgress.attention(cells, visibleOnly(curriculum, own), now);
            rows.add(new DashboardRow(learner, (String) r[1], nullableNumber(r[2]), (String) r[3], cells, attention));
        }
        List<DashboardRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((DashboardRow d) -> !d.needsAttention()));
        return new Dashboard(ordered, sections(courseId, rows, allSections));
    }

    private Map<Long, Map<String, ExerciseFacts>> facts(long courseId, String scope) {
        String join = " JOIN membership m ON m.id = %s WHERE %s = ?1 AND m.active = TRUE AND " + scope;
        String sql = "SELECT 'A', a.author_id, a.exercise_id, MAX(a.saved_at), 0, 0 FROM workbook_answer a"
                + join.formatted("a.author_id", "a.course_id") + " GROUP BY a.author_id, a.exercise_id"
                + " UNION ALL SELECT 'S', s.author_id, s.exercise_id, MAX(s.submitted_at), MAX(s.late), 0"
                + " FROM workbook_submission s" + join.formatted("s.author_id", "s.course_id")
                + " GROUP BY s.author_id, s.exercise_id"
                + " UNION ALL SELECT 'F', f.learner_id, f.exercise_id, f.graded_at, f.released_at IS NOT NULL,"
                + " f.score_given IS NOT NULL FROM feedback f" + join.formatted("f.learner_id", "f.course_id")
                + " UNION ALL SELECT 'C', c.learner_id, c.exercise_id, MAX(c.created_at), COUNT(*), 0"
                + " FROM passage_comment c" + join.formatted("c.learner_id", "c.course_id")
                + " AND c.parent_id IS NULL GROUP BY c.learner_id, c.exercise_id";
        Map<Long, Map<String, ExerciseFacts>> facts = new HashMap<>();
        for (Object row : em.createNativeQuery(sql).setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            Map<String, ExerciseFacts> own = facts.computeIfAbsent(number(r[1]), k -> new HashMap<>());
            ExerciseFacts f = own.getOrDefault((String) r[2], ExerciseFacts.NONE);
            own.put((String) r[2], switch ((String) r[0]) {
                case "A" -> f.saved(instant(r[3]));
                case "S" -> f.submitted(instant(r[3]), bool(r[4]));
                case "F" -> f.feedback(bool(r[4]), bool(r[5]));
                default -> f.commented((int) number(r[4]));
            });
        }
        return facts;
    }

    /** Hidden exercises do not make a student look busy or stuck. */
    private static Map<String, ExerciseFacts> visibleOnly(Curriculum curriculum, Map<String, ExerciseFacts> facts) {
        Map<String, ExerciseFacts> visible = new HashMap<>();
        curriculum.modules().stream().map(ModuleProgress::visible).flatMap(List::stream)
                .filter(e -> facts.containsKey(e.id())).forEach(e -> visible.put(e.id(), facts.get(e.id())));
        return visible;
    }

    private List<SectionLead> sections(long courseId, List<DashboardRow> rows, boolean allSections) {
        Set<Long> shown = new java.util.HashSet<>();
        rows.forEach(r -> {
            if (r.sectionId() != null) {
                shown.add(r.sectionId());
            }
        });
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<String>> fellows = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT s.id, s.name, " + named("p") + " FROM section s"
                        + " LEFT JOIN section_member sm ON sm.section_id = s.id LEFT JOIN membership m ON m.id = sm.membership_id"
                        + " AND m.role = 'TEACHING_ASSISTANT' AND m.active = TRUE LEFT JOIN person p ON p.id = m.person_id"
                        + " WHERE s.course_id = ?1 ORDER BY s.name, 3")
                .setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            long id = number(r[0]);
            if (allSections || shown.contains(id)) {
                names.put(id, (String) r[1]);
                List<String> led = fellows.computeIfAbsent(id, k -> new ArrayList<>());
                if (r[2] != null) {
                    led.add((String) r[2]);
                }
            }
        }
        return names.entrySet().stream().map(e -> new SectionLead(e.getKey(), e.getValue(), fellows.get(e.getKey()))).toList();
    }
}
