package org.organizingworkbench.lti;

import java.util.List;

/** A course's members from Names and Role Provisioning Services 2.0, all pages read. Label and title may be null. */
public record Roster(String contextId, String contextLabel, String contextTitle, List<RosterMember> members) {

    public Roster {
        members = List.copyOf(members);
    }
}
