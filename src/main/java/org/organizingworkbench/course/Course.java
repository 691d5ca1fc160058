package org.organizingworkbench.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A course in the LMS (an LTI context), within one deployment. */
@Entity
@Table(name = "course")
public class Course {
    @Id
    private Long id;
    @Column(name = "deployment_id")
    private Long deploymentRowId;
    @Column(name = "context_id")
    private String contextId;
    private String title;
    private String label;
    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected Course() {
    }

    public Long id() {
        return id;
    }

    public String contextId() {
        return contextId;
    }

    public String title() {
        return title;
    }

    public String label() {
        return label;
    }
}
