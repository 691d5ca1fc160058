-- Platforms (LMS registrations) are keyed by (issuer, client_id): two Canvas tenants share one issuer.
CREATE TABLE platform (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    issuer        VARCHAR(255) NOT NULL,
    client_id     VARCHAR(255) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    auth_url      VARCHAR(1024) NOT NULL,
    token_url     VARCHAR(1024) NOT NULL,
    jwks_url      VARCHAR(1024) NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    CONSTRAINT uq_platform UNIQUE (issuer, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE deployment (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id    BIGINT NOT NULL,
    deployment_id  VARCHAR(255) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    label          VARCHAR(255),
    created_at     DATETIME(3) NOT NULL,
    approved_at    DATETIME(3),
    CONSTRAINT uq_deployment UNIQUE (platform_id, deployment_id),
    CONSTRAINT fk_deployment_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The tool's own keys: RSA signing keys (private part encrypted) and the session MAC key.
CREATE TABLE tool_key (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kid             VARCHAR(64) NOT NULL,
    purpose         VARCHAR(16) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    public_jwk      TEXT,
    sealed_secret   TEXT NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    activated_at    DATETIME(3),
    CONSTRAINT uq_tool_key UNIQUE (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- OIDC login state: shared by every node, single use, short-lived.
CREATE TABLE login_state (
    state            VARCHAR(64) PRIMARY KEY,
    nonce            VARCHAR(64) NOT NULL,
    browser_binding  VARCHAR(64) NOT NULL,
    platform_id      BIGINT NOT NULL,
    deployment_id    VARCHAR(255),
    target_link_uri  VARCHAR(1024) NOT NULL,
    storage_target   VARCHAR(255),
    login_hint       VARCHAR(1024) NOT NULL,
    message_hint     VARCHAR(2048),
    created_at       DATETIME(3) NOT NULL,
    expires_at       DATETIME(3) NOT NULL,
    consumed_at      DATETIME(3),
    CONSTRAINT uq_login_nonce UNIQUE (nonce),
    CONSTRAINT fk_login_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_login_state_expires ON login_state (expires_at);

CREATE TABLE person (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id   BIGINT NOT NULL,
    subject       VARCHAR(255) COLLATE utf8mb4_bin NOT NULL, -- LTI ids are case-sensitive
    name          VARCHAR(255),
    given_name    VARCHAR(255),
    family_name   VARCHAR(255),
    email         VARCHAR(320),
    locale        VARCHAR(32),
    updated_at    DATETIME(3) NOT NULL,
    CONSTRAINT uq_person UNIQUE (platform_id, subject),
    CONSTRAINT fk_person_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A course is an LTI context; context ids are unique within a deployment (LTI Core 5.4.1).
CREATE TABLE course (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    deployment_id  BIGINT NOT NULL,
    context_id     VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    title          VARCHAR(255),
    label          VARCHAR(255),
    updated_at     DATETIME(3) NOT NULL,
    CONSTRAINT uq_course UNIQUE (deployment_id, context_id),
    CONSTRAINT fk_course_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE resource_link (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT NOT NULL,
    link_id     VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    title       VARCHAR(255),
    updated_at  DATETIME(3) NOT NULL,
    CONSTRAINT uq_resource_link UNIQUE (course_id, link_id),
    CONSTRAINT fk_link_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's place in a course. role is the tool's role (INSTRUCTOR, TEACHING_ASSISTANT, LEARNER), lms_roles the
-- roles the LMS sent. active=false keeps a member who left (rosters never delete work).
CREATE TABLE membership (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id   BIGINT NOT NULL,
    person_id   BIGINT NOT NULL,
    role        VARCHAR(32) NOT NULL,
    lms_roles   TEXT NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at  DATETIME(3) NOT NULL,
    CONSTRAINT uq_membership UNIQUE (course_id, person_id),
    CONSTRAINT fk_membership_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sections: the group a Teaching Fellow coaches. Members of a section are students and their coaches.
CREATE TABLE section (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id    BIGINT NOT NULL,
    name         VARCHAR(255) NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    CONSTRAINT uq_section UNIQUE (course_id, name),
    CONSTRAINT fk_section_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE section_member (
    section_id     BIGINT NOT NULL,
    membership_id  BIGINT NOT NULL,
    PRIMARY KEY (section_id, membership_id),
    CONSTRAINT fk_section_member_section FOREIGN KEY (section_id) REFERENCES section (id) ON DELETE CASCADE,
    CONSTRAINT fk_section_member_membership FOREIGN KEY (membership_id) REFERENCES membership (id) ON DELETE CASCADE
) ENGINE=InnoDB;
