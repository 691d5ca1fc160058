-- The project workbook: each student's answers, every revision of them, and what they submitted.

-- Which curriculum exercise a resource link opens (its custom parameter "exercise", set by our Deep Linking).
ALTER TABLE resource_link ADD COLUMN exercise_id VARCHAR(100) NULL;

-- The latest value of one field of one exercise of one student (the author, a membership). revision counts the
-- saves; a save names the revision it was based on and succeeds only if that is still the latest (optimistic
-- concurrency). save_id is the browser's id for the save that made this revision, so a retried save is recognised.
CREATE TABLE workbook_answer (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id     BIGINT NOT NULL,
    author_id     BIGINT NOT NULL,
    exercise_id   VARCHAR(100) NOT NULL,
    field_id      VARCHAR(100) NOT NULL,
    revision      INT NOT NULL,
    value         MEDIUMTEXT NOT NULL,
    save_id       VARCHAR(64),
    saved_at      DATETIME(3) NOT NULL,
    CONSTRAINT uq_workbook_answer UNIQUE (author_id, exercise_id, field_id),
    CONSTRAINT fk_answer_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_answer_author FOREIGN KEY (author_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every saved value, never changed or deleted: the history a student compares and restores from.
CREATE TABLE workbook_revision (
    answer_id      BIGINT NOT NULL,
    revision       INT NOT NULL,
    value          MEDIUMTEXT NOT NULL,
    saved_at       DATETIME(3) NOT NULL,
    saved_by       BIGINT,
    restored_from  INT,
    PRIMARY KEY (answer_id, revision),
    CONSTRAINT fk_revision_answer FOREIGN KEY (answer_id) REFERENCES workbook_answer (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A submission freezes the exercise's answers for grading: revisions maps field id to the revision submitted.
-- Later edits are drafts; submitting again adds a row with the next number.
CREATE TABLE workbook_submission (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id     BIGINT NOT NULL,
    author_id     BIGINT NOT NULL,
    exercise_id   VARCHAR(100) NOT NULL,
    number        INT NOT NULL,
    revisions     TEXT NOT NULL,
    submitted_at  DATETIME(3) NOT NULL,
    due_on        DATE,
    late          BOOLEAN NOT NULL,
    CONSTRAINT uq_workbook_submission UNIQUE (author_id, exercise_id, number),
    CONSTRAINT fk_submission_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_submission_author FOREIGN KEY (author_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
