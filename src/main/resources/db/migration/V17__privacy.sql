-- Issue 15: keep only what is needed, let people take their data and delete it, show who read it.

-- Minimal claims. The tool shows one name per person and never writes to anyone, so it keeps the name alone: given
-- and family names are folded into it where no full name was sent, and email and locale (the session takes the
-- launch's locale) are no longer stored.
UPDATE person SET name = NULLIF(TRIM(CONCAT(COALESCE(given_name, ''), ' ', COALESCE(family_name, ''))), '')
    WHERE name IS NULL OR TRIM(name) = '';
ALTER TABLE person DROP COLUMN given_name, DROP COLUMN family_name, DROP COLUMN email, DROP COLUMN locale;

-- Students' work is deleted only by its own confirmed action (an admin deleting a person or a course, or the
-- retention period), never as a side effect of removing a deployment or a platform.
ALTER TABLE course DROP FOREIGN KEY fk_course_deployment;
ALTER TABLE course ADD CONSTRAINT fk_course_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id);
ALTER TABLE person DROP FOREIGN KEY fk_person_platform;
ALTER TABLE person ADD CONSTRAINT fk_person_platform FOREIGN KEY (platform_id) REFERENCES platform (id);

-- Who on the staff read a student's work or coaching notes, what and when (the org.organizingworkbench.access
-- WorkOpened event). The student's export lists these. A reader who is later deleted leaves the row without a name.
CREATE TABLE work_read (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT NOT NULL,
    learner_id  BIGINT NOT NULL,
    viewer_id   BIGINT,
    viewer_role VARCHAR(32) NOT NULL,
    what        VARCHAR(100) NOT NULL,
    read_at     DATETIME(3) NOT NULL,
    CONSTRAINT fk_work_read_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_work_read_learner FOREIGN KEY (learner_id) REFERENCES membership (id) ON DELETE CASCADE,
    CONSTRAINT fk_work_read_viewer FOREIGN KEY (viewer_id) REFERENCES membership (id) ON DELETE SET NULL,
    INDEX ix_work_read_learner (learner_id, read_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A course's privacy choices and its retention notice. staff_see_met_names: whether staff see the names of the people
-- a student met (one-to-one logs); hidden unless an instructor allows it. retention_notice_at: when the retention
-- period first flagged the course as ending (its instructors are told from then on); NULL again when work resumes.
CREATE TABLE course_privacy (
    course_id            BIGINT PRIMARY KEY,
    staff_see_met_names  BOOLEAN NOT NULL DEFAULT FALSE,
    retention_notice_at  DATETIME(3),
    CONSTRAINT fk_course_privacy_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE=InnoDB;
