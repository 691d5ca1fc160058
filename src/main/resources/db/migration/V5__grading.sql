-- Grades and their durable outbox towards the LMS (Assignment and Grade Services 2.0).

-- The AGS claim's "lineitem" for this link, as the last launch sent it: where its scores go.
ALTER TABLE resource_link ADD COLUMN lineitem_url VARCHAR(2048) NULL;

-- One grade per learner and resource link; the tool's own record, whatever the LMS says.
CREATE TABLE grade (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id                BIGINT NOT NULL,
    resource_link_id         BIGINT NOT NULL,
    person_id                BIGINT NOT NULL,
    score_given              DOUBLE NOT NULL,
    score_maximum            DOUBLE NOT NULL,
    comment                  TEXT,
    activity_progress        VARCHAR(20) NOT NULL,
    grading_progress         VARCHAR(20) NOT NULL,
    graded_by_membership_id  BIGINT,
    updated_at               DATETIME(3) NOT NULL,
    CONSTRAINT uq_grade UNIQUE (resource_link_id, person_id),
    CONSTRAINT fk_grade_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_grade_link FOREIGN KEY (resource_link_id) REFERENCES resource_link (id) ON DELETE CASCADE,
    CONSTRAINT fk_grade_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The outbox: one row per recorded grade, committed with it, delivered by one node at a time (claimed_by and
-- claimed_until). status: PENDING, SENT, FAILED (the platform refused it for good) or SUPERSEDED (a newer row for
-- the same user and line item exists, so this one is never sent).
CREATE TABLE grade_delivery (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    grade_id           BIGINT NOT NULL,
    line_item_url      VARCHAR(2048) NOT NULL,
    user_id            VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    score_given        DOUBLE NOT NULL,
    score_maximum      DOUBLE NOT NULL,
    comment            TEXT,
    activity_progress  VARCHAR(20) NOT NULL,
    grading_progress   VARCHAR(20) NOT NULL,
    created_at         DATETIME(3) NOT NULL,
    timestamp_sent     DATETIME(3),
    status             VARCHAR(12) NOT NULL,
    attempts           INT NOT NULL DEFAULT 0,
    next_attempt_at    DATETIME(3) NOT NULL,
    claimed_by         VARCHAR(64),
    claimed_until      DATETIME(3),
    last_status        INT,
    last_error         VARCHAR(1000),
    sent_at            DATETIME(3),
    CONSTRAINT fk_delivery_grade FOREIGN KEY (grade_id) REFERENCES grade (id) ON DELETE CASCADE,
    INDEX ix_delivery_due (status, next_attempt_at),
    INDEX ix_delivery_key (user_id, line_item_url(255))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
