-- Triads for skill practice: three students of a section take turns as coach, coachee and observer, one round at a
-- time from starts_on, each round round_days long. The seat (0, 1, 2) fixes the rotation: in round r (from 0) the
-- student in seat s takes role (s + r) mod 3, so in any three rounds each takes each role once.
CREATE TABLE triad (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT NOT NULL,
    section_id  BIGINT NOT NULL,
    starts_on   DATE NOT NULL,
    round_days  INT NOT NULL,
    rounds      INT NOT NULL,
    created_by  BIGINT NULL,
    created_at  DATETIME(3) NOT NULL,
    CONSTRAINT fk_triad_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_triad_section FOREIGN KEY (section_id) REFERENCES section (id) ON DELETE CASCADE,
    CONSTRAINT fk_triad_creator FOREIGN KEY (created_by) REFERENCES membership (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE triad_member (
    triad_id    BIGINT NOT NULL,
    seat        INT NOT NULL,
    learner_id  BIGINT NOT NULL,
    PRIMARY KEY (triad_id, seat),
    CONSTRAINT uq_triad_member UNIQUE (triad_id, learner_id),
    CONSTRAINT fk_triad_member_triad FOREIGN KEY (triad_id) REFERENCES triad (id) ON DELETE CASCADE,
    CONSTRAINT fk_triad_member_learner FOREIGN KEY (learner_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_triad_member_learner ON triad_member (learner_id);

-- What one student of a triad records for one round: the feedback they received and the feedback they gave.
CREATE TABLE triad_feedback (
    triad_id    BIGINT NOT NULL,
    round       INT NOT NULL,
    learner_id  BIGINT NOT NULL,
    received    TEXT NULL,
    gave        TEXT NULL,
    saved_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (triad_id, round, learner_id),
    CONSTRAINT fk_triad_feedback_triad FOREIGN KEY (triad_id) REFERENCES triad (id) ON DELETE CASCADE,
    CONSTRAINT fk_triad_feedback_learner FOREIGN KEY (learner_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Whether students of the same section may comment on a classmate's passage where they can already read it (a peer
-- review assignment): the instructor turns it on; off by default.
ALTER TABLE course ADD COLUMN peer_comments BOOLEAN NOT NULL DEFAULT FALSE;
