package org.organizingworkbench.lti;

import java.util.Set;

/** OAuth scopes of the LTI Advantage services (AGS 2.0 §3.1, NRPS 2.0 §2.1). */
public final class ServiceScope {
    private static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";

    public static final String LINEITEM = AGS + "lineitem";
    public static final String LINEITEM_READONLY = AGS + "lineitem.readonly";
    public static final String SCORE = AGS + "score";
    public static final String RESULT_READONLY = AGS + "result.readonly";
    public static final String CONTEXT_MEMBERSHIP_READONLY =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    /** Every scope the AGS and NRPS clients use; a platform admin may grant fewer (Canvas lets them edit scopes). */
    public static final Set<String> ALL =
            Set.of(LINEITEM, LINEITEM_READONLY, SCORE, RESULT_READONLY, CONTEXT_MEMBERSHIP_READONLY);

    private ServiceScope() {
    }
}
