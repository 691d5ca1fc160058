package org.organizingworkbench.course;

import org.organizingworkbench.privacy.PersonName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sections of a course, as instructors arrange them: create, rename, delete, and place Teaching Fellows and
 * students. A Teaching Fellow may lead several sections; a student is in at most one section of a course, so
 * placing a student in a section moves them out of the one they were in. Only active Teaching Fellows and students
 * of the same course can be placed. Deleting a section deletes the section and its placements only: memberships,
 * and with them the students' work, stay. Every change locks the course row first, so two instructors editing at
 * once cannot leave a student in two sections.
 */
@ApplicationScoped
@Transactional
public class Sections {

    private static final String MEMBER_NAME = PersonName.SQL;
    private static final String PLACEABLE = "m.course_id = ?1 AND m.active AND m.role IN ('TEACHING_ASSISTANT', 'LEARNER')";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    public long create(long courseId, String name) {
        SectionName valid = new SectionName(name);
        lockCourse(courseId);
        requireFree(courseId, valid, 0);
        em.createNativeQuery("INSERT INTO section (course_id, name, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, courseId).setParameter(2, valid.value())
                .setParameter(3, LocalDateTime.now(ZoneOffset.UTC)).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }

    public void rename(long courseId, long sectionId, String name) {
        SectionName valid = new SectionName(name);
        lockCourse(courseId);
        requireSection(courseId, sectionId);
        requireFree(courseId, valid, sectionId);
        em.createNativeQuery("UPDATE section SET name = ?1 WHERE id = ?2").setParameter(1, valid.value())
                .setParameter(2, sectionId).executeUpdate();
    }

    /** Removes the section and who was in it; nobody's membership or work goes with it. */
    public void delete(long courseId, long sectionId) {
        lockCourse(courseId);
        requireSection(courseId, sectionId);
        em.createNativeQuery("DELETE FROM section WHERE id = ?1").setParameter(1, sectionId).executeUpdate();
    }

    /**
     * Makes these the section's active members. Students placed here leave any other section of the course; members
     * who are no longer active keep their place. Refused as a whole if any id is not an active Teaching Fellow or
     * student of the course.
     */
    public void assign(long courseId, long sectionId, Collection<Long> membershipIds) {
        lockCourse(courseId);
        requireSection(courseId, sectionId);
        Set<Long> wanted = new LinkedHashSet<>(membershipIds);
        Map<Long, CourseRole> roles = placeableRoles(courseId, wanted);
        if (roles.size() != wanted.size()) {
            throw new SectionException(SectionException.Problem.NOT_ASSIGNABLE);
        }
        em.createNativeQuery("DELETE sm FROM section_member sm JOIN membership m ON m.id = sm.membership_id"
                + " WHERE sm.section_id = ?1 AND m.active").setParameter(1, sectionId).executeUpdate();
        for (Long id : wanted) {
            place(courseId, sectionId, id, roles.get(id));
        }
    }

    /** Places every student who has no section, evenly (see {@link EvenSpread}); returns how many were placed. */
    public int spreadUnassigned(long courseId) {
        lockCourse(courseId);
        SectionsOverview overview = overview(courseId);
        Map<Long, Integer> sizes = new LinkedHashMap<>();
        overview.sections().forEach(s -> sizes.put(s.id(), s.students().size()));
        List<Long> unassigned = overview.unassigned().stream().map(SectionMember::membershipId).toList();
        Map<Long, Long> plan = EvenSpread.plan(sizes, unassigned);
        plan.forEach((student, section) -> insert(section, student));
        return plan.size();
    }

    /** The course's sections by name, each with its active members by name. */
    public List<CourseSection> list(long courseId) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT id, name FROM section WHERE course_id = ?1 ORDER BY name, id")
                .setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            names.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        Map<Long, List<SectionMember>> members = membersBySection(courseId);
        return names.entrySet().stream().map(e -> section(e.getKey(), e.getValue(),
                members.getOrDefault(e.getKey(), List.of()))).toList();
    }

    /** The sections a member belongs to: for a Teaching Fellow, the sections they lead. */
    public List<CourseSection> sectionsOf(long courseId, long membershipId) {
        return list(courseId).stream().filter(s -> s.includes(membershipId)).toList();
    }

    /** Sections, and every active Teaching Fellow and student who could be placed. */
    public SectionsOverview overview(long courseId) {
        List<SectionMember> placeable = members("SELECT m.id, m.role, " + MEMBER_NAME
                + " FROM membership m JOIN person p ON p.id = m.person_id WHERE " + PLACEABLE + " ORDER BY 3, 1", courseId);
        return new SectionsOverview(list(courseId), placeable.stream().filter(m -> !m.isStudent()).toList(),
                placeable.stream().filter(SectionMember::isStudent).toList());
    }

    private Map<Long, List<SectionMember>> membersBySection(long courseId) {
        Map<Long, List<SectionMember>> bySection = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT sm.section_id, m.id, m.role, " + MEMBER_NAME
                        + " FROM section_member sm JOIN section s ON s.id = sm.section_id"
                        + " JOIN membership m ON m.id = sm.membership_id JOIN person p ON p.id = m.person_id"
                        + " WHERE s.course_id = ?1 AND m.active ORDER BY 4, 2")
                .setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            bySection.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(member(r[1], r[2], r[3]));
        }
        return bySection;
    }

    private List<SectionMember> members(String sql, long courseId) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, courseId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> member(r[0], r[1], r[2])).toList();
    }

    private static SectionMember member(Object id, Object role, Object name) {
        return new SectionMember(((Number) id).longValue(), (String) name, CourseRole.valueOf((String) role));
    }

    private static CourseSection section(long id, String name, List<SectionMember> members) {
        return new CourseSection(id, name, members.stream().filter(m -> !m.isStudent()).toList(),
                members.stream().filter(SectionMember::isStudent).toList());
    }

    private Map<Long, CourseRole> placeableRoles(long courseId, Set<Long> ids) {
        Map<Long, CourseRole> roles = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT m.id, m.role FROM membership m WHERE " + PLACEABLE)
                .setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            if (ids.contains(id)) {
                roles.put(id, CourseRole.valueOf((String) r[1]));
            }
        }
        return roles;
    }

    private void place(long courseId, long sectionId, long membershipId, CourseRole role) {
        if (role == CourseRole.LEARNER) {
            em.createNativeQuery("DELETE sm FROM section_member sm JOIN section s ON s.id = sm.section_id"
                            + " WHERE sm.membership_id = ?1 AND s.course_id = ?2")
                    .setParameter(1, membershipId).setParameter(2, courseId).executeUpdate();
        }
        insert(sectionId, membershipId);
    }

    private void insert(long sectionId, long membershipId) {
        em.createNativeQuery("INSERT IGNORE INTO section_member (section_id, membership_id) VALUES (?1, ?2)")
                .setParameter(1, sectionId).setParameter(2, membershipId).executeUpdate();
    }

    private void lockCourse(long courseId) {
        if (em.createNativeQuery("SELECT id FROM course WHERE id = ?1 FOR UPDATE").setParameter(1, courseId)
                .getResultList().isEmpty()) {
            throw new SectionException(SectionException.Problem.UNKNOWN_SECTION);
        }
    }

    private void requireSection(long courseId, long sectionId) {
        if (em.createNativeQuery("SELECT id FROM section WHERE id = ?1 AND course_id = ?2").setParameter(1, sectionId)
                .setParameter(2, courseId).getResultList().isEmpty()) {
            throw new SectionException(SectionException.Problem.UNKNOWN_SECTION);
        }
    }

    /** The column's collation compares, so "Section a" is taken when "Section A" exists. */
    private void requireFree(long courseId, SectionName name, long exceptSectionId) {
        if (!em.createNativeQuery("SELECT id FROM section WHERE course_id = ?1 AND name = ?2 AND id <> ?3")
                .setParameter(1, courseId).setParameter(2, name.value()).setParameter(3, exceptSectionId)
                .getResultList().isEmpty()) {
            throw new SectionException(SectionException.Problem.NAME_TAKEN);
        }
    }
}
