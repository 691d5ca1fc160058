-- Roles the tool owns (issue 8). A member's role can come from three places, kept apart so that each can change
-- without losing the others: their own latest launch, the latest roster sync (Names and Roles), and an
-- instructor's choice in the tool. membership.role stays the role the tool acts on:
-- COALESCE(tool_role, launch_role, roster_role). A launch outranks the roster because Moodle lists a non-editing
-- teacher as Learner in Names and Roles but launches them as Instructor (LTI.md §3.4).
ALTER TABLE membership
    ADD COLUMN launch_role  VARCHAR(32) NULL,
    ADD COLUMN roster_role  VARCHAR(32) NULL,
    ADD COLUMN tool_role    VARCHAR(32) NULL,
    ADD COLUMN tool_role_by BIGINT NULL;
UPDATE membership SET launch_role = role WHERE role_source = 'LAUNCH';
UPDATE membership SET roster_role = role WHERE role_source <> 'LAUNCH';
ALTER TABLE membership DROP COLUMN role_source;

-- How far the course's Teaching Fellows see: SECTIONS (the students of their own sections) or COURSE (everyone).
ALTER TABLE course ADD COLUMN fellow_scope VARCHAR(16) NOT NULL DEFAULT 'SECTIONS';

CREATE INDEX ix_section_member_membership ON section_member (membership_id);
