package org.organizingworkbench.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.privacy.DataScope;
import org.organizingworkbench.privacy.ImportTarget;
import org.organizingworkbench.privacy.PersonName;
import org.organizingworkbench.privacy.PersonalData;
import org.organizingworkbench.privacy.PersonalDataArchive;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "people" part of personal data: courses, the people in them (platform subject and name, as stored), their
 * memberships and sections. It comes first in an archive (other parts refer to its membership ids) and goes last in
 * a deletion: deleting a course's row takes its links, memberships and sections with it, and people left without any
 * course are deleted too.
 */
@ApplicationScoped
@Transactional
public class CoursePeople implements PersonalData {

    private static final String MEMBER = "SELECT m.id, m.course_id, p.subject, p.name, p.platform_id, m.role, m.active,"
            + " (SELECT s.name FROM section_member sm JOIN section s ON s.id = sm.section_id"
            + " WHERE sm.membership_id = m.id LIMIT 1) FROM membership m JOIN person p ON p.id = m.person_id";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Override
    public String part() {
        return "people";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public JsonNode export(DataScope scope) {
        ObjectNode json = PersonalDataArchive.JSON.createObjectNode();
        String courses = scope instanceof DataScope.Course c ? String.valueOf(c.courseId())
                : ((DataScope.Members) scope).members().stream().map(m -> String.valueOf(m.courseId())).distinct()
                .reduce((a, b) -> a + "," + b).orElseThrow();
        ArrayNode courseList = json.putArray("courses");
        for (Object row : em.createNativeQuery("SELECT id, context_id, title, label FROM course WHERE id IN (" + courses
                + ") ORDER BY id").getResultList()) {
            Object[] r = (Object[]) row;
            courseList.addObject().put("id", ((Number) r[0]).longValue()).put("contextId", (String) r[1])
                    .put("title", (String) r[2]).put("label", (String) r[3]);
        }
        String where = scope instanceof DataScope.Course c ? " WHERE m.course_id = " + c.courseId()
                : " WHERE m.id IN (" + ((DataScope.Members) scope).membershipIds() + ")";
        ArrayNode members = json.putArray("members");
        for (Object row : em.createNativeQuery(MEMBER + where + " ORDER BY m.course_id, m.id").getResultList()) {
            Object[] r = (Object[]) row;
            String subject = (String) r[2];
            members.addObject().put("membership", ((Number) r[0]).longValue()).put("course", ((Number) r[1]).longValue())
                    .put("subject", subject).put("name", (String) r[3])
                    .put("label", PersonName.code(((Number) r[4]).longValue(), subject))
                    .put("role", (String) r[5]).put("active", truthy(r[6])).put("section", (String) r[7]);
        }
        return json;
    }

    @Override
    public Map<String, Long> count(DataScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (scope instanceof DataScope.Course c) {
            counts.put("memberships", count("SELECT COUNT(*) FROM membership WHERE course_id = " + c.courseId()));
            counts.put("sections", count("SELECT COUNT(*) FROM section WHERE course_id = " + c.courseId()));
            counts.put("links", count("SELECT COUNT(*) FROM resource_link WHERE course_id = " + c.courseId()));
        } else {
            DataScope.Members m = (DataScope.Members) scope;
            counts.put("people", count("SELECT COUNT(*) FROM person WHERE id IN (" + m.personIds() + ")"));
            counts.put("memberships", count("SELECT COUNT(*) FROM membership WHERE id IN (" + m.membershipIds() + ")"));
            counts.put("sectionPlaces", count("SELECT COUNT(*) FROM section_member WHERE membership_id IN ("
                    + m.membershipIds() + ")"));
        }
        return counts;
    }

    @Override
    public void anonymiseAuthored(DataScope.Members members) {
        em.createNativeQuery("UPDATE membership SET tool_role_by = NULL WHERE tool_role_by IN (" + members.membershipIds()
                + ")").executeUpdate();
        em.createNativeQuery("UPDATE course_curriculum_move SET moved_by = NULL WHERE moved_by IN (" + members.personIds()
                + ")").executeUpdate();
        em.createNativeQuery("UPDATE curriculum_version SET created_by = NULL WHERE created_by IN (" + members.personIds()
                + ")").executeUpdate();
    }

    @Override
    public void erase(DataScope scope) {
        if (scope instanceof DataScope.Course c) {
            @SuppressWarnings("unchecked")
            List<Object> people = em.createNativeQuery("SELECT person_id FROM membership WHERE course_id = ?1")
                    .setParameter(1, c.courseId()).getResultList();
            em.createNativeQuery("DELETE FROM course WHERE id = ?1").setParameter(1, c.courseId()).executeUpdate();
            if (!people.isEmpty()) {
                String ids = people.stream().map(id -> String.valueOf(((Number) id).longValue()))
                        .reduce((a, b) -> a + "," + b).orElseThrow();
                em.createNativeQuery("DELETE FROM person WHERE id IN (" + ids + ") AND NOT EXISTS"
                        + " (SELECT 1 FROM membership m WHERE m.person_id = person.id)").executeUpdate();
            }
            return;
        }
        DataScope.Members m = (DataScope.Members) scope;
        em.createNativeQuery("DELETE FROM section_member WHERE membership_id IN (" + m.membershipIds() + ")").executeUpdate();
        em.createNativeQuery("DELETE FROM membership WHERE id IN (" + m.membershipIds() + ")").executeUpdate();
        em.createNativeQuery("DELETE FROM person WHERE id IN (" + m.personIds() + ") AND NOT EXISTS"
                + " (SELECT 1 FROM membership x WHERE x.person_id = person.id)").executeUpdate();
    }

    /**
     * Matches each archived member with a person of the target's platform by subject (as the admin mapped it), adds
     * people the tool does not know yet (they find their work when they first launch with that subject), gives each a
     * membership of the target course, and puts them in sections of the same names.
     */
    @Override
    public int importPart(JsonNode part, ImportTarget target) {
        int added = 0;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (JsonNode member : part.path("members")) {
            String subject = target.subjectHere(member.path("subject").asText(""));
            CourseRole role = roleOf(member.path("role").asText());
            if (subject.isBlank() || role == null) {
                continue;
            }
            em.createNativeQuery("INSERT INTO person (platform_id, subject, name, updated_at) VALUES (?1, ?2, ?3, ?4)"
                            + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), name = COALESCE(name, VALUES(name))")
                    .setParameter(1, target.platformId()).setParameter(2, subject)
                    .setParameter(3, PersonName.kept(member.path("name").asText(null))).setParameter(4, now).executeUpdate();
            long personId = lastInsertId();
            int inserted = em.createNativeQuery("INSERT INTO membership (course_id, person_id, role, roster_role, lms_roles,"
                            + " active, updated_at) VALUES (?1, ?2, ?3, ?3, '', ?4, ?5)"
                            + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
                    .setParameter(1, target.courseId()).setParameter(2, personId).setParameter(3, role.name())
                    .setParameter(4, member.path("active").asBoolean(true)).setParameter(5, now).executeUpdate();
            long membershipId = lastInsertId();
            added += inserted == 1 ? 1 : 0;
            target.map(member.path("membership").asLong(), membershipId);
            String section = sectionName(member.path("section").asText(""));
            if (section != null && role != CourseRole.INSTRUCTOR) {
                em.createNativeQuery("INSERT IGNORE INTO section (course_id, name, created_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, target.courseId()).setParameter(2, section)
                        .setParameter(3, now).executeUpdate();
                em.createNativeQuery("INSERT IGNORE INTO section_member (section_id, membership_id) SELECT s.id, ?1"
                                + " FROM section s WHERE s.course_id = ?2 AND s.name = ?3"
                                + " AND NOT EXISTS (SELECT 1 FROM section_member x JOIN section y ON y.id = x.section_id"
                                + " WHERE x.membership_id = ?1 AND y.course_id = ?2)")
                        .setParameter(1, membershipId).setParameter(2, target.courseId())
                        .setParameter(3, section).executeUpdate();
            }
        }
        return added;
    }

    private static String sectionName(String archived) {
        try {
            return new SectionName(archived).value();
        } catch (SectionException e) {
            return null;
        }
    }

    private static CourseRole roleOf(String name) {
        try {
            return CourseRole.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private long lastInsertId() {
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
