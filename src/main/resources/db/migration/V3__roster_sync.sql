-- Names and Role Provisioning: where each course's roster and gradebook live, and how the last sync went.
ALTER TABLE course
    ADD COLUMN nrps_url            VARCHAR(1024),
    ADD COLUMN ags_lineitems_url   VARCHAR(1024),
    ADD COLUMN roster_synced_at    DATETIME(3),
    ADD COLUMN roster_sync_status  VARCHAR(16),
    ADD COLUMN roster_sync_detail  VARCHAR(1024);

-- Where a member's role came from: a launch (authoritative: Moodle lists a non-editing teacher as Learner in
-- NRPS though it launches as Instructor) or the roster (members who have not launched yet).
ALTER TABLE membership
    ADD COLUMN role_source VARCHAR(16) NOT NULL DEFAULT 'LAUNCH';
