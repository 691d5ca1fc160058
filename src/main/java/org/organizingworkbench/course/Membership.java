package org.organizingworkbench.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A person's place in a course: their tool role, the roles the LMS sent, and whether they are still enrolled. */
@Entity
@Table(name = "membership")
@NamedQuery(name = "Membership.ofCourse",
        query = "SELECT m FROM Membership m WHERE m.course.id = :courseId AND m.active = TRUE ORDER BY m.role, m.person.name")
public class Membership {
    @Id
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    private Course course;
    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    private Person person;
    @Enumerated(EnumType.STRING)
    private CourseRole role;
    @Column(name = "lms_roles")
    private String lmsRoles;
    private boolean active;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected Membership() {
    }

    public Long id() {
        return id;
    }

    public Course course() {
        return course;
    }

    public Person person() {
        return person;
    }

    public CourseRole role() {
        return role;
    }

    public boolean active() {
        return active;
    }
}
