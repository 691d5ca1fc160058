package org.organizingworkbench.web.admin;

import java.util.List;
import java.util.Map;

/**
 * What the administrator's last action did, shown above the panel: at most one of these is set. A registration that
 * could not be stored names its invalid fields and keeps what was typed.
 */
public record AdminOutcome(String saved, String rotatedTo, String approvedPlatform, String rejectedPlatform,
                    String disabledDeployment, boolean deploymentKept, List<String> invalidFields,
                    Map<String, String> formValues) {

    static final AdminOutcome NONE = new AdminOutcome(null, null, null, null, null, false, null, null);

    static AdminOutcome saved(String platform) {
        return new AdminOutcome(platform, null, null, null, null, false, null, null);
    }

    static AdminOutcome rotatedTo(String kid) {
        return new AdminOutcome(null, kid, null, null, null, false, null, null);
    }

    static AdminOutcome approved(String platform) {
        return new AdminOutcome(null, null, platform, null, null, false, null, null);
    }

    static AdminOutcome rejected(String platform) {
        return new AdminOutcome(null, null, null, platform, null, false, null, null);
    }

    static AdminOutcome disabled(String deploymentId) {
        return new AdminOutcome(null, null, null, null, deploymentId, false, null, null);
    }

    static AdminOutcome kept() {
        return new AdminOutcome(null, null, null, null, null, true, null, null);
    }

    static AdminOutcome invalid(List<String> fields, Map<String, String> typed) {
        return new AdminOutcome(null, null, null, null, null, false, List.copyOf(fields), Map.copyOf(typed));
    }
}
