-- The platform's product family (tool_platform.product_family_code of its latest launch, e.g. "canvas", "moodle"):
-- Canvas gets its own extensions on scores.
ALTER TABLE platform ADD COLUMN product_family VARCHAR(64) NULL;

-- When the learner submitted the graded work, if known: Canvas's submission extension sends it as submitted_at so
-- its late flags follow the submission, not the moment the grade reached the LMS.
ALTER TABLE grade ADD COLUMN submitted_at DATETIME(3) NULL;
ALTER TABLE grade_delivery ADD COLUMN submitted_at DATETIME(3) NULL;

-- A roster sync in progress: started (NULL when none runs; one per course at a time), pages and members fetched.
ALTER TABLE course
    ADD COLUMN roster_sync_started_at DATETIME(3) NULL,
    ADD COLUMN roster_sync_pages      INT NOT NULL DEFAULT 0,
    ADD COLUMN roster_sync_members    INT NOT NULL DEFAULT 0;
