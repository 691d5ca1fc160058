package org.organizingworkbench.launch;

import java.net.URI;

/**
 * A login the tool accepted: where to send the browser, and the browser binding to keep there.
 *
 * @param storageTarget  the Platform Storage frame to keep the binding in, or null to use the cookie only
 * @param platformOrigin the origin Platform Storage messages are sent to and accepted from
 */
public record LoginStarted(URI authenticationRequest, String state, String browserBinding, String storageTarget,
                           String platformOrigin) {

    /** One cookie per login, so two tabs launching at once do not overwrite each other's binding. */
    public String cookieName() {
        return LaunchService.bindingCookieName(state);
    }

    public String storageKey() {
        return LaunchService.storageKey(state);
    }
}
