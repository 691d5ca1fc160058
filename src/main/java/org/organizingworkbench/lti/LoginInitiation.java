package org.organizingworkbench.lti;

import java.util.function.Function;

/**
 * The third-party initiated login a platform sends to start a launch (OIDC Core 4, LTI Security Framework 5.1.1.1),
 * read from GET or POST parameters alike.
 *
 * @param clientId       absent when the platform has one registration per issuer
 * @param deploymentId   the spec's {@code lti_deployment_id}, or Canvas's {@code deployment_id}
 * @param messageHint    opaque; passed back to the platform unchanged
 * @param storageTarget  the frame that answers LTI Platform Storage messages, when the platform offers it
 */
public record LoginInitiation(String issuer, String loginHint, String targetLinkUri, String clientId,
                              String deploymentId, String messageHint, String storageTarget) {

    /** The longest value each parameter may have: what platforms send, with room to spare (and what the tool keeps). */
    static final java.util.Map<String, Integer> MAX_LENGTHS = java.util.Map.of("iss", 255, "login_hint", 1024,
            "target_link_uri", 1024, "client_id", 255, "lti_deployment_id", 255, "deployment_id", 255,
            "lti_message_hint", 2048, "lti_storage_target", 255);

    public static LoginInitiation from(Function<String, String> parameter) throws LaunchRejectedException {
        for (var limit : new java.util.TreeMap<>(MAX_LENGTHS).entrySet()) {
            String value = parameter.apply(limit.getKey());
            if (value != null && value.length() > limit.getValue()) {
                throw new LaunchRejectedException(LaunchRule.LOGIN_PARAMETERS,
                        limit.getKey() + " has " + value.length() + " characters; at most " + limit.getValue() + " are taken");
            }
        }
        String issuer = blankToNull(parameter.apply("iss"));
        String loginHint = blankToNull(parameter.apply("login_hint"));
        String targetLinkUri = blankToNull(parameter.apply("target_link_uri"));
        if (issuer == null || loginHint == null || targetLinkUri == null) {
            throw new LaunchRejectedException(LaunchRule.LOGIN_PARAMETERS,
                    "missing:" + (issuer == null ? " iss" : "") + (loginHint == null ? " login_hint" : "")
                            + (targetLinkUri == null ? " target_link_uri" : ""));
        }
        String deploymentId = blankToNull(parameter.apply("lti_deployment_id"));
        if (deploymentId == null) {
            deploymentId = blankToNull(parameter.apply("deployment_id")); // Canvas (canvas-lms #2201)
        }
        return new LoginInitiation(issuer, loginHint, targetLinkUri, blankToNull(parameter.apply("client_id")),
                deploymentId, blankToNull(parameter.apply("lti_message_hint")),
                blankToNull(parameter.apply("lti_storage_target")));
    }

    public boolean offersPlatformStorage() {
        return storageTarget != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
