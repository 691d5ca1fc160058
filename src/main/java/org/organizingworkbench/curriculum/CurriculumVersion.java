package org.organizingworkbench.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** One stored, unchangeable version of a curriculum: every file as one JSON document. */
@Entity
@Table(name = "curriculum_version")
@NamedQuery(name = "CurriculumVersion.latestShipped", query = "SELECT v FROM CurriculumVersion v"
        + " WHERE v.curriculumId = :curriculumId AND v.shipped = TRUE ORDER BY v.version DESC")
@NamedQuery(name = "CurriculumVersion.shipped", query = "SELECT v FROM CurriculumVersion v"
        + " WHERE v.curriculumId = :curriculumId AND v.shipped = TRUE")
@NamedQuery(name = "CurriculumVersion.byHash", query = "SELECT v FROM CurriculumVersion v"
        + " WHERE v.curriculumId = :curriculumId AND v.contentHash = :hash")
public class CurriculumVersion {
    @Id
    private Long id;
    @Column(name = "curriculum_id")
    private String curriculumId;
    private int version;
    private String content;
    @Column(name = "content_hash")
    private String contentHash;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "created_by")
    private Long createdBy;
    private boolean shipped;

    protected CurriculumVersion() {
    }

    /** The curriculum this version holds, numbered by this version: the stored number wins over the file's. */
    public Curriculum curriculum() {
        Curriculum stored = CurriculumLoader.validated(files(), "curriculum version " + id);
        return new Curriculum(stored.id(), version, stored.languages(), stored.title(), stored.credit(),
                stored.modules());
    }

    public CurriculumFiles files() {
        return CurriculumFiles.fromJson(content);
    }

    public Long id() {
        return id;
    }

    public String curriculumId() {
        return curriculumId;
    }

    public int version() {
        return version;
    }

    public String contentHash() {
        return contentHash;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    /** The person who saved this version; null for the shipped default. */
    public Long createdBy() {
        return createdBy;
    }

    public boolean shipped() {
        return shipped;
    }
}
