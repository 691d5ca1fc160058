package org.organizingworkbench.launch;

import java.time.Instant;

/**
 * What the picker page needs to answer a Deep Linking request, carried server-signed through the browser so the
 * return URL and data can never come from the browser itself. Bound to the person and course of the launch.
 *
 * @param data   the request's opaque data, to echo; null when it had none
 * @param canvas whether the request came from Canvas ({@link org.organizingworkbench.lti.CanvasPlatform}), whose
 *               line item extension the response then carries
 */
public record DeepLinkContext(String platformIssuer, String clientId, String deploymentId, String returnUrl,
                              String data, boolean acceptMultiple, Long personId, Long courseId, Instant expiresAt,
                              boolean canvas) {
}
