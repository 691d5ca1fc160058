-- A deleted person's reviews stay for the authors who received them, without the reviewer (privacy.PersonalData:
-- anonymiseAuthored sets reviewer_id to NULL before the membership goes).
ALTER TABLE review_assignment MODIFY reviewer_id BIGINT NULL;
