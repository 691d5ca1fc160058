package org.organizingworkbench.workbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.StudentWork;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.privacy.PersonName;

import java.util.List;
import java.util.Optional;

/**
 * The workbooks a viewer may open, as the {@link AccessPolicy} decides: a student their own; staff the students
 * the policy gives them. Only students have workbooks. A workbook the viewer may not open is reported as absent,
 * so trying ids tells nothing about who exists.
 */
@ApplicationScoped
public class WorkbookAccess {

    private static final String AUTHOR = "SELECT m.id, m.course_id, p.id,"
            + " " + PersonName.SQL
            + " FROM membership m JOIN person p ON p.id = m.person_id"
            + " WHERE m.role = 'LEARNER'";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    AccessPolicy policy;

    /** The viewer's own workbook, when they are a student of the course: the only one they may write in. */
    public Optional<Author> own(Viewer viewer) {
        if (!viewer.isLearner()) {
            return Optional.empty();
        }
        return author(viewer.membershipId());
    }

    /** A student's workbook, when the policy lets the viewer read it. */
    public Optional<Author> readable(Viewer viewer, long authorId) {
        if (!policy.mayRead(viewer, StudentWork.workbookOf(authorId))) {
            return Optional.empty();
        }
        return author(authorId);
    }

    /** The active students whose workbooks a member of staff may read, by name; none for a student. */
    public List<Author> readableBy(Viewer viewer) {
        if (!viewer.isStaff()) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery(AUTHOR + " AND m.active AND " + policy.learners(viewer).on("m")
                + " ORDER BY 4, 1").getResultList();
        return rows.stream().map(row -> author((Object[]) row)).toList();
    }

    private Optional<Author> author(long membershipId) {
        List<?> rows = em.createNativeQuery(AUTHOR + " AND m.id = ?1").setParameter(1, membershipId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(author((Object[]) rows.get(0)));
    }

    private static Author author(Object[] row) {
        return new Author(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                (String) row[3]);
    }
}
