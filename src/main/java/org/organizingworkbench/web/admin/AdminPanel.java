package org.organizingworkbench.web.admin;

import org.organizingworkbench.platform.Deployment;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.ToolKey;

import java.util.List;
import java.util.Map;

/**
 * The administrator's panel (page {@code admin-dashboard}, fragment {@code fragments/admin-panel}): every platform with
 * its deployments, those waiting for approval, the tool's signing keys, and what the last action did.
 */
record AdminPanel(String authHeaders, Map<Platform, List<Deployment>> platforms, List<Platform> pendingPlatforms,
                  List<ToolKey> keys, String baseUrl, AdminOutcome outcome) {

    AdminPanel withAuthHeaders(String headers) {
        return new AdminPanel(headers, platforms, pendingPlatforms, keys, baseUrl, outcome);
    }
}
