package org.organizingworkbench.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Deleting a person (from every course) or a course, as its own confirmed action: first what will go, counted by
 * every {@link PersonalData} part, then the deletion itself in one transaction. What a deleted person wrote for
 * others stays, without their name. Logs name ids and counts only.
 */
@ApplicationScoped
@Transactional
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class.getName());

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    @Any
    Instance<PersonalData> parts;

    /** Every membership of the person (the scope of their deletion or export); empty when they have none. */
    public Optional<DataScope.Members> ofPerson(long personId) {
        return members("SELECT id, person_id, course_id FROM membership WHERE person_id = ?1 ORDER BY course_id", personId);
    }

    /** One membership as a scope (a student's own course). */
    public Optional<DataScope.Members> ofMembership(long membershipId) {
        return members("SELECT id, person_id, course_id FROM membership WHERE id = ?1", membershipId);
    }

    private Optional<DataScope.Members> members(String sql, long id) {
        // membership belongs to course; reading it here keeps privacy free of the domain packages it serves
        List<?> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        List<DataScope.Member> members = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            members.add(new DataScope.Member(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue()));
        }
        return members.isEmpty() ? Optional.empty() : Optional.of(new DataScope.Members(members));
    }

    /** What deleting the scope would remove: kind → count, over every part. */
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PersonalData part : PersonalDataArchive.inOrder(parts)) {
            part.count(scope).forEach((kind, n) -> counts.merge(kind, n, Long::sum));
        }
        return counts;
    }

    /** Deletes the person everywhere; what they wrote for others stays, anonymous. */
    public Map<String, Long> erasePerson(long personId) {
        Optional<DataScope.Members> scope = ofPerson(personId);
        Map<String, Long> counts = scope.map(this::count).orElse(Map.of());
        scope.ifPresent(members -> {
            for (PersonalData part : PersonalDataArchive.inOrder(parts)) {
                part.anonymiseAuthored(members);
            }
            eraseInReverse(members);
        });
        // a person without memberships (a launch outside any course) is one row; the people part took the others
        em.createNativeQuery("DELETE FROM person WHERE id = ?1").setParameter(1, personId).executeUpdate();
        LOG.info(() -> "Deleted person " + personId + " from " + scope.map(s -> s.members().size()).orElse(0)
                + " course(s): " + counts);
        return counts;
    }

    /** Deletes the course and everything in it; people left without any course go too. */
    public Map<String, Long> eraseCourse(long courseId) {
        DataScope.Course scope = new DataScope.Course(courseId);
        Map<String, Long> counts = count(scope);
        eraseInReverse(scope);
        LOG.info(() -> "Deleted course " + courseId + ": " + counts);
        return counts;
    }

    private void eraseInReverse(DataScope scope) {
        List<PersonalData> order = new ArrayList<>(PersonalDataArchive.inOrder(parts));
        Collections.reverse(order);
        for (PersonalData part : order) {
            part.erase(scope);
        }
    }
}
