package org.organizingworkbench.launch;

import org.organizingworkbench.lti.LtiLaunch;

/** What a valid id_token leads to. */
public sealed interface LaunchOutcome {

    /** The launch is complete: the person is in, with this session. */
    record Completed(Session session, LtiLaunch launch) implements LaunchOutcome {
    }

    /** The binding is in Platform Storage: the browser must read it and post it back with the id_token. */
    record NeedsPlatformStorage(String storageTarget, String storageKey, String platformOrigin) implements LaunchOutcome {
    }
}
