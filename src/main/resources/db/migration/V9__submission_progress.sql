-- A learner's submission reaches the LMS before any grade: activityProgress Submitted, gradingProgress PendingManual,
-- and no score yet (AGS 2.0 §3.4: scoreGiven is optional). A grade row may therefore have no score.
ALTER TABLE grade MODIFY score_given DOUBLE NULL;
ALTER TABLE grade_delivery MODIFY score_given DOUBLE NULL;
