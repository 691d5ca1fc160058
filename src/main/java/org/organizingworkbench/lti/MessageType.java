package org.organizingworkbench.lti;

import java.util.Arrays;
import java.util.Optional;

/** The LTI messages this tool accepts at its launch endpoint; routing is by message type, never by URL. */
public enum MessageType {
    RESOURCE_LINK("LtiResourceLinkRequest"),
    DEEP_LINKING("LtiDeepLinkingRequest"),
    SUBMISSION_REVIEW("LtiSubmissionReviewRequest");

    private final String claimValue;

    MessageType(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Optional<MessageType> fromClaim(String value) {
        return Arrays.stream(values()).filter(t -> t.claimValue.equals(value)).findFirst();
    }
}
