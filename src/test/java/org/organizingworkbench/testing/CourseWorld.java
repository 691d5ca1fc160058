package org.organizingworkbench.testing;

import org.organizingworkbench.course.CourseRole;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Courses, people, memberships and sections written straight into the test database, as launches and an instructor
 * would have left them. Every world has its own platform, so tests in one JVM never meet each other's rows.
 * Members and sections are known by the short names a test gives them.
 */
public final class CourseWorld {

    private final TestDatabase db;
    private final long platformId;
    private final long deploymentId;
    private final Map<String, Long> courses = new LinkedHashMap<>();
    private final Map<String, Long> members = new LinkedHashMap<>();
    private final Map<String, Long> people = new LinkedHashMap<>();
    private final Map<String, Long> sections = new LinkedHashMap<>();

    public CourseWorld(TestDatabase db) {
        this.db = db;
        String issuer = "https://lms.test/" + UUID.randomUUID();
        this.platformId = db.insert("INSERT INTO platform (issuer, client_id, name, auth_url, token_url, jwks_url, created_at)"
                + " VALUES (?1, 'tool', 'Test LMS', ?2, ?2, ?2, ?3)", issuer, issuer + "/x", now());
        this.deploymentId = db.insert("INSERT INTO deployment (platform_id, deployment_id, status, created_at)"
                + " VALUES (?1, '1', 'ACTIVE', ?2)", platformId, now());
    }

    public CourseWorld course(String name) {
        courses.put(name, db.insert("INSERT INTO course (deployment_id, context_id, title, updated_at) VALUES (?1, ?2, ?2, ?3)",
                deploymentId, name + "-" + UUID.randomUUID(), now()));
        return this;
    }

    /** Lets the course's Teaching Fellows see every student (FellowScope.COURSE). */
    public CourseWorld fellowsSeeEveryone(String course) {
        db.insert("UPDATE course SET fellow_scope = 'COURSE' WHERE id = ?1", courses.get(course));
        return this;
    }

    public CourseWorld member(String course, String name, CourseRole role) {
        long person = db.insert("INSERT INTO person (platform_id, subject, name, updated_at) VALUES (?1, ?2, ?3, ?4)",
                platformId, name + "-" + UUID.randomUUID(), name, now());
        people.put(name, person);
        members.put(name, db.insert("INSERT INTO membership (course_id, person_id, role, launch_role, lms_roles, active,"
                + " updated_at) VALUES (?1, ?2, ?3, ?3, '', TRUE, ?4)", courses.get(course), person, role.name(), now()));
        return this;
    }

    public CourseWorld section(String course, String name, String... memberNames) {
        long section = db.insert("INSERT INTO section (course_id, name, created_at) VALUES (?1, ?2, ?3)",
                courses.get(course), name, now());
        sections.put(name, section);
        for (String member : memberNames) {
            db.insert("INSERT INTO section_member (section_id, membership_id) VALUES (?1, ?2)", section, members.get(member));
        }
        return this;
    }

    public CourseWorld leaves(String member) {
        db.insert("UPDATE membership SET active = FALSE WHERE id = ?1", members.get(member));
        return this;
    }

    public long courseId(String name) {
        return courses.get(name);
    }

    public long member(String name) {
        return members.get(name);
    }

    public long person(String name) {
        return people.get(name);
    }

    public long section(String name) {
        return sections.get(name);
    }

    public long platformId() {
        return platformId;
    }

    public Map<String, Long> members() {
        return Map.copyOf(members);
    }

    public String nameOf(long membershipId) {
        return members.entrySet().stream().filter(e -> e.getValue() == membershipId).map(Map.Entry::getKey)
                .findFirst().orElse("#" + membershipId);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
