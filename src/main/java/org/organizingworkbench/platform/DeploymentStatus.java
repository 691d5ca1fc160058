package org.organizingworkbench.platform;

public enum DeploymentStatus {
    /** Launches are accepted. */
    ACTIVE,
    /** Seen at a launch but not yet approved by the tool's administrator: launches are refused with an explanation. */
    PENDING
}
