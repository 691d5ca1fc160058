-- Issue 9: grades, activities and due dates as Moodle and Canvas show them.

-- When staff last gave the grade: a submission after it is newer work waiting for the grader, and never changes
-- the grade the LMS already shows.
ALTER TABLE grade ADD COLUMN graded_at DATETIME(3) NULL;
UPDATE grade SET graded_at = updated_at WHERE score_given IS NOT NULL;

-- The due date the LMS was last told for a placed activity's line item (NULL: none was told yet or none is set),
-- so a changed due date is sent once.
ALTER TABLE resource_link
    ADD COLUMN lineitem_due DATE NULL,
    ADD COLUMN lineitem_due_told BOOLEAN NOT NULL DEFAULT FALSE;

-- A learner's submission of an exercise, waiting to be reported to every line item the exercise was placed with.
-- The line items are found at the LMS (AGS line items by resourceId) outside the submitting transaction, so a
-- submission from any page reaches activities nobody has launched yet.
CREATE TABLE submission_report (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id        BIGINT NOT NULL,
    exercise_id      VARCHAR(100) NOT NULL,
    person_id        BIGINT NOT NULL,
    submitted_at     DATETIME(3) NOT NULL,
    created_at       DATETIME(3) NOT NULL,
    status           VARCHAR(12) NOT NULL,
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3) NOT NULL,
    claimed_by       VARCHAR(64),
    claimed_until    DATETIME(3),
    last_error       VARCHAR(1000),
    CONSTRAINT fk_report_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    INDEX ix_report_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
