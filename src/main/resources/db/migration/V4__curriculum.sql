-- Curriculum versions: the whole content (every file, as one JSON object: file name -> file) is stored, never
-- edited; an edit is a new version. shipped marks the default curriculum that comes with the tool (created_by is
-- then NULL); the person who saved an edit may later be removed, so created_by alone cannot tell them apart.
CREATE TABLE curriculum_version (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    curriculum_id  VARCHAR(100) NOT NULL,
    version        INT NOT NULL,
    content        LONGTEXT NOT NULL,
    content_hash   CHAR(64) NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    created_by     BIGINT,
    shipped        BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_curriculum_version UNIQUE (curriculum_id, version),
    CONSTRAINT uq_curriculum_content UNIQUE (curriculum_id, content_hash),
    CONSTRAINT fk_curriculum_version_person FOREIGN KEY (created_by) REFERENCES person (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The version a course uses. A course keeps it until moved, so new versions never change work under way.
CREATE TABLE course_curriculum (
    course_id              BIGINT PRIMARY KEY,
    curriculum_version_id  BIGINT NOT NULL,
    pinned_at              DATETIME(3) NOT NULL,
    CONSTRAINT fk_course_curriculum_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_course_curriculum_version FOREIGN KEY (curriculum_version_id) REFERENCES curriculum_version (id)
) ENGINE=InnoDB;
