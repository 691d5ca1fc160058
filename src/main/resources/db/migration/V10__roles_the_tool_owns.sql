-- Roles the tool owns (issue 8). membership.role stays the role the tool acts on; lms_role keeps what the LMS said
-- (the latest launch, or the roster for someone who never launched), so that an instructor's choice can be undone.
-- role_source: LAUNCH (the person's own launch decided), ROSTER (Names and Roles decided), TOOL (an instructor
-- chose it in the tool: neither launches nor roster syncs change it).
ALTER TABLE membership ADD COLUMN lms_role VARCHAR(32) NULL;
UPDATE membership SET lms_role = role;
ALTER TABLE membership MODIFY lms_role VARCHAR(32) NOT NULL;
ALTER TABLE membership ADD COLUMN role_chosen_by BIGINT NULL;

-- How far the course's Teaching Fellows see: SECTIONS (the students of their own sections) or COURSE (everyone).
ALTER TABLE course ADD COLUMN fellow_scope VARCHAR(16) NOT NULL DEFAULT 'SECTIONS';

CREATE INDEX ix_section_member_membership ON section_member (membership_id);
