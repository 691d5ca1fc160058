package org.organizingworkbench.workbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.privacy.PersonName;

import java.util.List;
import java.util.Optional;

/**
 * Whose workbook a person may open, checked against the database on every request: a student their own; a
 * Teaching Fellow the students of their own sections; an instructor every student of the course. Only students
 * have workbooks, and only within the course the reader launched into. A workbook the reader may not open is
 * reported as absent, so trying ids tells nothing about who exists.
 */
@ApplicationScoped
public class WorkbookAccess {

    private static final String AUTHOR = "SELECT m.id, m.course_id, p.id,"
            + " " + PersonName.SQL
            + " FROM membership m JOIN person p ON p.id = m.person_id"
            + " WHERE m.course_id = ?1 AND m.role = 'LEARNER'";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** The reader's own workbook, when they are a student of the course: the only one they may write in. */
    public Optional<Author> own(Reader reader) {
        if (reader.role() != CourseRole.LEARNER) {
            return Optional.empty();
        }
        return first(em.createNativeQuery(AUTHOR + " AND m.id = ?2")
                .setParameter(1, reader.courseId()).setParameter(2, reader.membershipId()).getResultList());
    }

    public Optional<Author> readable(Reader reader, long authorId) {
        if (reader.role() == CourseRole.LEARNER) {
            return authorId == reader.membershipId() ? own(reader) : Optional.empty();
        }
        return first(em.createNativeQuery(AUTHOR + " AND m.id = ?2" + scopeOf(reader))
                .setParameter(1, reader.courseId()).setParameter(2, authorId).setParameter(3, reader.membershipId())
                .getResultList());
    }

    /** The students whose workbooks a member of staff may read, by name; none for a student. */
    public List<Author> readableBy(Reader reader) {
        if (reader.role() == CourseRole.LEARNER) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery(AUTHOR + " AND m.active" + scopeOf(reader) + " ORDER BY 4, 1")
                .setParameter(1, reader.courseId()).setParameter(3, reader.membershipId()).getResultList();
        return rows.stream().map(row -> author((Object[]) row)).toList();
    }

    /** A Teaching Fellow reads the students who share a section with them; an instructor reads all. */
    private static String scopeOf(Reader reader) {
        if (reader.role() == CourseRole.INSTRUCTOR) {
            return " AND ?3 IS NOT NULL";
        }
        return " AND EXISTS (SELECT 1 FROM section_member mine JOIN section_member theirs"
                + " ON theirs.section_id = mine.section_id WHERE mine.membership_id = ?3 AND theirs.membership_id = m.id)";
    }

    private static Optional<Author> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(author((Object[]) rows.get(0)));
    }

    private static Author author(Object[] row) {
        return new Author(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                (String) row[3]);
    }
}
