package org.organizingworkbench.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** What the tool administrator picks from before exporting or deleting: courses, and people found by name or subject. */
@ApplicationScoped
public class DataDirectory {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** @param lastLaunch UTC, "yyyy-MM-dd HH:mm" */
    public record CourseLine(long id, String title, String contextId, String platform, long members, String lastLaunch) {
        /** What the admin types to confirm the course's deletion. */
        public String confirmation() {
            return title != null && !title.isBlank() ? title.strip() : contextId;
        }
    }

    public record PersonLine(long id, String name, String subject, String platform, long courses) {
        /** What the admin types to confirm the person's deletion: the name, or the subject when the LMS sent none. */
        public String confirmation() {
            return PersonName.isLabel(name) ? subject : name;
        }
    }

    private static final String COURSE = "SELECT c.id, c.title, c.context_id, pl.name,"
            + " (SELECT COUNT(*) FROM membership m WHERE m.course_id = c.id), c.updated_at FROM course c"
            + " JOIN deployment d ON d.id = c.deployment_id JOIN platform pl ON pl.id = d.platform_id";
    private static final String PERSON = "SELECT p.id, " + PersonName.SQL + ", p.subject, pl.name,"
            + " (SELECT COUNT(*) FROM membership m WHERE m.person_id = p.id) FROM person p"
            + " JOIN platform pl ON pl.id = p.platform_id";

    public List<CourseLine> courses() {
        return em.createNativeQuery(COURSE + " ORDER BY c.title, c.id").getResultList().stream()
                .map(row -> course((Object[]) row)).toList();
    }

    public Optional<CourseLine> course(long courseId) {
        return em.createNativeQuery(COURSE + " WHERE c.id = ?1").setParameter(1, courseId).getResultList().stream()
                .map(row -> course((Object[]) row)).findFirst();
    }

    /** People whose name contains the text, or whose subject is it; at most 50. */
    public List<PersonLine> people(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery(PERSON + " WHERE p.subject = ?1 OR p.name LIKE ?2 ORDER BY p.name, p.id LIMIT 50")
                .setParameter(1, typed).setParameter(2, "%" + typed.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%")
                .getResultList().stream().map(row -> person((Object[]) row)).toList();
    }

    public Optional<PersonLine> person(long personId) {
        return em.createNativeQuery(PERSON + " WHERE p.id = ?1").setParameter(1, personId).getResultList().stream()
                .map(row -> person((Object[]) row)).findFirst();
    }

    private static CourseLine course(Object[] r) {
        Object at = r[5];
        LocalDateTime time = at instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) at;
        return new CourseLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), time.toString().replace('T', ' ').substring(0, 16));
    }

    private static PersonLine person(Object[] r) {
        return new PersonLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue());
    }
}
