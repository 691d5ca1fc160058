package org.organizingworkbench.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * A group of students coached by one or more Teaching Fellows. A Teaching Fellow sees the work of the students in
 * the sections they belong to; an instructor sees every section.
 */
@Entity
@Table(name = "section")
public class Section {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    private Course course;
    private String name;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @ManyToMany
    @JoinTable(name = "section_member", joinColumns = @JoinColumn(name = "section_id"),
            inverseJoinColumns = @JoinColumn(name = "membership_id"))
    private Set<Membership> members = new HashSet<>();

    protected Section() {
    }

    public Section(Course course, String name) {
        this.course = course;
        this.name = name;
        this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    }

    public void add(Membership membership) {
        if (!membership.course().id().equals(course.id())) {
            throw new IllegalArgumentException("A section holds members of its own course only");
        }
        members.add(membership);
    }

    public boolean includes(Membership membership) {
        return members.contains(membership);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<Membership> members() {
        return Set.copyOf(members);
    }
}
