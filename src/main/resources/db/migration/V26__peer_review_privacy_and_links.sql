-- Peer review, second part: reviews kept after their reviewer's deletion, links that open a round.

-- A deleted person's reviews stay for the authors who received them, without the reviewer (privacy.PersonalData:
-- anonymiseAuthored sets reviewer_id to NULL before the membership goes).
ALTER TABLE review_assignment MODIFY reviewer_id BIGINT NULL;

-- A link placed by Deep Linking "as a peer review round" names the round's exercise in its custom parameter
-- review_round; the latest launch's value is kept, like exercise_id.
ALTER TABLE resource_link ADD COLUMN review_exercise_id VARCHAR(100) NULL;
