package org.organizingworkbench.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** One move of a course's curriculum pin: who moved it, when, to which version and why. */
@Entity
@Table(name = "course_curriculum_move")
@NamedQuery(name = "CoursePinMove.ofCourse", query = "SELECT m FROM CoursePinMove m WHERE m.courseId = :courseId"
        + " ORDER BY m.movedAt, m.id")
public class CoursePinMove {

    /** Why the pin moved. */
    public enum Reason { SAVED, WENT_BACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "course_id")
    private Long courseId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "curriculum_version_id")
    private CurriculumVersion version;
    @Enumerated(EnumType.STRING)
    private Reason reason;
    @Column(name = "moved_at")
    private LocalDateTime movedAt;
    @Column(name = "moved_by")
    private Long movedBy;

    protected CoursePinMove() {
    }

    CoursePinMove(long courseId, CurriculumVersion version, Reason reason, LocalDateTime movedAt, Long movedBy) {
        this.courseId = courseId;
        this.version = version;
        this.reason = reason;
        this.movedAt = movedAt;
        this.movedBy = movedBy;
    }

    public CurriculumVersion version() {
        return version;
    }

    public Reason reason() {
        return reason;
    }

    public LocalDateTime movedAt() {
        return movedAt;
    }

    /** The instructor who moved it; null once that person is removed. */
    public Long movedBy() {
        return movedBy;
    }
}
