-- A platform that registers itself (LTI Dynamic Registration) may have to wait for the tool administrator's
-- approval (WORKBENCH_REGISTRATION_APPROVAL=admin): PENDING until then. Platforms registered before, by the admin
-- or the platforms file, are ACTIVE.
ALTER TABLE platform
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
