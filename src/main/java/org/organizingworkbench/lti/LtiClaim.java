package org.organizingworkbench.lti;

/** Claim names of LTI 1.3 Core, Deep Linking 2.0, AGS 2.0 and NRPS 2.0. */
public final class LtiClaim {
    private static final String CORE = "https://purl.imsglobal.org/spec/lti/claim/";

    public static final String MESSAGE_TYPE = CORE + "message_type";
    public static final String VERSION = CORE + "version";
    public static final String DEPLOYMENT_ID = CORE + "deployment_id";
    public static final String TARGET_LINK_URI = CORE + "target_link_uri";
    public static final String ROLES = CORE + "roles";
    public static final String RESOURCE_LINK = CORE + "resource_link";
    public static final String CONTEXT = CORE + "context";
    public static final String CUSTOM = CORE + "custom";
    public static final String LAUNCH_PRESENTATION = CORE + "launch_presentation";
    public static final String TOOL_PLATFORM = CORE + "tool_platform";
    public static final String FOR_USER = CORE + "for_user";
    public static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public static final String DEEP_LINKING_CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    public static final String DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    public static final String DEEP_LINKING_MSG = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";
    public static final String DEEP_LINKING_LOG = "https://purl.imsglobal.org/spec/lti-dl/claim/log";
    public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    /** The only version this tool speaks (LTI Core 5.3.3). */
    public static final String LTI_VERSION = "1.3.0";

    private LtiClaim() {
    }
}
