package org.organizingworkbench.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** The curriculum version a course uses, until an instructor moves it to another. */
@Entity
@Table(name = "course_curriculum")
public class CoursePin {
    @Id
    @Column(name = "course_id")
    private Long courseId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "curriculum_version_id")
    private CurriculumVersion version;
    @Column(name = "pinned_at")
    private LocalDateTime pinnedAt;

    protected CoursePin() {
    }

    void moveTo(CurriculumVersion target, LocalDateTime at) {
        version = target;
        pinnedAt = at;
    }

    public Long courseId() {
        return courseId;
    }

    public CurriculumVersion version() {
        return version;
    }

    public LocalDateTime pinnedAt() {
        return pinnedAt;
    }
}
