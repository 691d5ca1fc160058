-- Section coaching: feedback staff give on a student's exercise (released to the student when ready) and the
-- student's answers to it, the coaching log, and comments on passages of an entry.

-- One feedback per student (a learner membership) and exercise: the score on the line item's scale, written
-- feedback, the rubric levels chosen, who gave it. The student sees it only once released_at is set; a later save
-- (a regrade) hides it again until it is released again. seen_at: when the student last opened it.
CREATE TABLE feedback (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id          BIGINT NOT NULL,
    learner_id         BIGINT NOT NULL,
    exercise_id        VARCHAR(100) NOT NULL,
    author_id          BIGINT NULL,
    score_given        DOUBLE NULL,
    score_maximum      DOUBLE NULL,
    body               TEXT NULL,
    rubric             TEXT NULL,
    submission_number  INT NULL,
    graded_at          DATETIME(3) NOT NULL,
    released_at        DATETIME(3) NULL,
    seen_at            DATETIME(3) NULL,
    CONSTRAINT uq_feedback UNIQUE (learner_id, exercise_id),
    CONSTRAINT fk_feedback_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_feedback_learner FOREIGN KEY (learner_id) REFERENCES membership (id) ON DELETE CASCADE,
    CONSTRAINT fk_feedback_author FOREIGN KEY (author_id) REFERENCES membership (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_feedback_course ON feedback (course_id, exercise_id);

-- The conversation under a feedback: the student answers, staff answer back.
CREATE TABLE feedback_reply (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    feedback_id  BIGINT NOT NULL,
    author_id    BIGINT NULL,
    body         TEXT NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    CONSTRAINT fk_reply_feedback FOREIGN KEY (feedback_id) REFERENCES feedback (id) ON DELETE CASCADE,
    CONSTRAINT fk_reply_author FOREIGN KEY (author_id) REFERENCES membership (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A coaching conversation as the course teaches it: observe, diagnose (HEART motivation, HANDS skill or
-- information, HEAD strategy), intervene, the commitment, the follow-up. shared = FALSE keeps it among staff.
CREATE TABLE coaching_note (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id       BIGINT NOT NULL,
    learner_id      BIGINT NOT NULL,
    author_id       BIGINT NULL,
    observation     TEXT NOT NULL,
    diagnosis       VARCHAR(8) NOT NULL,
    intervention    TEXT NULL,
    commitment      TEXT NULL,
    follow_up_on    DATE NULL,
    followed_up_at  DATETIME(3) NULL,
    shared          BOOLEAN NOT NULL,
    confirmed_at    DATETIME(3) NULL,
    created_at      DATETIME(3) NOT NULL,
    CONSTRAINT fk_note_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_note_learner FOREIGN KEY (learner_id) REFERENCES membership (id) ON DELETE CASCADE,
    CONSTRAINT fk_note_author FOREIGN KEY (author_id) REFERENCES membership (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_note_learner ON coaching_note (learner_id, created_at);
CREATE INDEX ix_note_follow_up ON coaching_note (course_id, follow_up_on);

-- A comment on a passage of one field of a student's entry: the quoted words and their offsets in the plain text of
-- the revision commented on, so it is found again as the student revises (or said to refer to an earlier version).
-- parent_id: a reply in the thread of its first comment.
CREATE TABLE passage_comment (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id      BIGINT NOT NULL,
    learner_id     BIGINT NOT NULL,
    exercise_id    VARCHAR(100) NOT NULL,
    field_id       VARCHAR(100) NOT NULL,
    revision       INT NOT NULL,
    quote          TEXT NOT NULL,
    start_offset   INT NOT NULL,
    end_offset     INT NOT NULL,
    parent_id      BIGINT NULL,
    author_id      BIGINT NULL,
    body           TEXT NOT NULL,
    resolved_at    DATETIME(3) NULL,
    created_at     DATETIME(3) NOT NULL,
    CONSTRAINT fk_comment_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_comment_learner FOREIGN KEY (learner_id) REFERENCES membership (id) ON DELETE CASCADE,
    CONSTRAINT fk_comment_parent FOREIGN KEY (parent_id) REFERENCES passage_comment (id) ON DELETE CASCADE,
    CONSTRAINT fk_comment_author FOREIGN KEY (author_id) REFERENCES membership (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_comment_entry ON passage_comment (learner_id, exercise_id, field_id);

-- A section's weekly meeting: the plan, and who attended.
CREATE TABLE section_meeting (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT NOT NULL,
    section_id  BIGINT NOT NULL,
    held_on     DATE NOT NULL,
    plan        TEXT NULL,
    created_by  BIGINT NULL,
    created_at  DATETIME(3) NOT NULL,
    CONSTRAINT uq_section_meeting UNIQUE (section_id, held_on),
    CONSTRAINT fk_meeting_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_section FOREIGN KEY (section_id) REFERENCES section (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_creator FOREIGN KEY (created_by) REFERENCES membership (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meeting_attendance (
    meeting_id  BIGINT NOT NULL,
    learner_id  BIGINT NOT NULL,
    status      VARCHAR(8) NOT NULL,
    PRIMARY KEY (meeting_id, learner_id),
    CONSTRAINT fk_attendance_meeting FOREIGN KEY (meeting_id) REFERENCES section_meeting (id) ON DELETE CASCADE,
    CONSTRAINT fk_attendance_learner FOREIGN KEY (learner_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The section dashboard reads every student's answers and submissions of a course grouped by student and exercise:
-- these indexes cover those reads.
CREATE INDEX ix_answer_course_author ON workbook_answer (course_id, author_id, exercise_id, saved_at);
CREATE INDEX ix_submission_course_author ON workbook_submission (course_id, author_id, exercise_id, number, submitted_at);
