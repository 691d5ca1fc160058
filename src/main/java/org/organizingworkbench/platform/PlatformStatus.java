package org.organizingworkbench.platform;

public enum PlatformStatus {
    /** Logins and launches from the platform are accepted. */
    ACTIVE,
    /**
     * The platform registered itself (LTI Dynamic Registration) while WORKBENCH_REGISTRATION_APPROVAL is admin: its
     * logins are refused with an explanation until the tool administrator approves it.
     */
    PENDING
}
