package org.organizingworkbench.lti;

/**
 * What the tool knows before it reads an id_token: the registration it came through and what the login carried.
 *
 * @param deploymentId  the deployment the login named, or null when the login named none
 * @param targetLinkUri the target the login named; the launch must point at the same place
 */
public record ExpectedLaunch(String issuer, String clientId, String nonce, String deploymentId, String targetLinkUri) {
}
