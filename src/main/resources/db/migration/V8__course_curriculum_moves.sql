-- Every time a course's curriculum pin moves: to a version its instructor saved, or back to one it had. The course's
-- version list is made of these rows and the shipped versions, so a course never sees another course's versions.
CREATE TABLE course_curriculum_move (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id              BIGINT NOT NULL,
    curriculum_version_id  BIGINT NOT NULL,
    reason                 VARCHAR(16) NOT NULL,
    moved_at               DATETIME(3) NOT NULL,
    moved_by               BIGINT,
    CONSTRAINT fk_curriculum_move_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_curriculum_move_version FOREIGN KEY (curriculum_version_id) REFERENCES curriculum_version (id),
    CONSTRAINT fk_curriculum_move_person FOREIGN KEY (moved_by) REFERENCES person (id) ON DELETE SET NULL,
    INDEX ix_curriculum_move_course (course_id, moved_at)
) ENGINE=InnoDB;
