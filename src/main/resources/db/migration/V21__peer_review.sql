-- Peer review (issue 11): rounds on a workbook exercise, who submitted into them, who reviews whom, and the reviews.

-- A round on one exercise of a course. Settings have defaults in the code (RoundSettings); released_at is when the
-- authors may read their reviews. The two links are the placed activities that carry the work's and the
-- reviewing's grades to the LMS, when the instructor chose them.
CREATE TABLE review_round (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id           BIGINT NOT NULL,
    exercise_id         VARCHAR(100) NOT NULL,
    reviewers_per_piece INT NOT NULL,
    scope               VARCHAR(20) NOT NULL,
    anonymous           BOOLEAN NOT NULL,
    reviews_due         DATETIME(3) NOT NULL,
    grace_hours         INT NOT NULL,
    work_weight         INT NOT NULL,
    review_weight       INT NOT NULL,
    work_link_id        BIGINT NULL,
    review_link_id      BIGINT NULL,
    released_at         DATETIME(3) NULL,
    created_by          BIGINT NULL,
    created_at          DATETIME(3) NOT NULL,
    CONSTRAINT uq_review_round UNIQUE (course_id, exercise_id),
    CONSTRAINT fk_review_round_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_round_work_link FOREIGN KEY (work_link_id) REFERENCES resource_link (id) ON DELETE SET NULL,
    CONSTRAINT fk_review_round_review_link FOREIGN KEY (review_link_id) REFERENCES resource_link (id) ON DELETE SET NULL,
    CONSTRAINT fk_review_round_creator FOREIGN KEY (created_by) REFERENCES membership (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A student who submitted the exercise while the round existed: the submission reviewed (the first), the order of
-- arrival, whether staff excused them from reviewing, their revision plan and the submission that revised the work.
CREATE TABLE review_participant (
    round_id          BIGINT NOT NULL,
    membership_id     BIGINT NOT NULL,
    submission_number INT NOT NULL,
    arrival           INT NOT NULL,
    submitted_at      DATETIME(3) NOT NULL,
    excused           BOOLEAN NOT NULL DEFAULT FALSE,
    revision_plan     MEDIUMTEXT NULL,
    plan_saved_at     DATETIME(3) NULL,
    revised_number    INT NULL,
    revised_at        DATETIME(3) NULL,
    PRIMARY KEY (round_id, membership_id),
    CONSTRAINT fk_review_participant_round FOREIGN KEY (round_id) REFERENCES review_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_participant_member FOREIGN KEY (membership_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A reviewer given an author's piece (the author's submission_number of the exercise). status: ASSIGNED, SUBMITTED,
-- MISSED (deadline passed, the piece went to someone else), WITHDRAWN (staff reassigned it or excused the reviewer).
-- helpfulness (1..5) and the flag are the author's answer to the review.
CREATE TABLE review_assignment (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id          BIGINT NOT NULL,
    reviewer_id       BIGINT NOT NULL,
    author_id         BIGINT NOT NULL,
    submission_number INT NOT NULL,
    status            VARCHAR(12) NOT NULL,
    assigned_at       DATETIME(3) NOT NULL,
    due_at            DATETIME(3) NOT NULL,
    submitted_at      DATETIME(3) NULL,
    helpfulness       TINYINT NULL,
    flagged_at        DATETIME(3) NULL,
    flag_note         VARCHAR(500) NULL,
    CONSTRAINT uq_review_assignment UNIQUE (round_id, reviewer_id, author_id),
    INDEX ix_review_assignment_reviewer (reviewer_id, status),
    CONSTRAINT fk_review_assignment_round FOREIGN KEY (round_id) REFERENCES review_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_assignment_reviewer FOREIGN KEY (reviewer_id) REFERENCES membership (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_assignment_author FOREIGN KEY (author_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One answer of a review to one prompt of the form, saved as the workbook saves a field (revision, save_id).
CREATE TABLE review_answer (
    assignment_id BIGINT NOT NULL,
    prompt_id     VARCHAR(100) NOT NULL,
    revision      INT NOT NULL,
    value         MEDIUMTEXT NOT NULL,
    save_id       VARCHAR(64),
    saved_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (assignment_id, prompt_id),
    CONSTRAINT fk_review_answer_assignment FOREIGN KEY (assignment_id) REFERENCES review_assignment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
