package org.organizingworkbench.lti;

import java.util.List;
import java.util.Map;

/**
 * One member of a course as Names and Role Provisioning Services 2.0 lists it (§2.3). Name and email are null when
 * the platform's privacy settings withhold them. Roles are normalised to full LIS URIs ({@link LisRole#normalize}):
 * Moodle sends the short form ("Learner").
 *
 * @param status "Active", "Inactive" or "Deleted"; "Active" when the platform leaves it out (the NRPS default)
 */
public record RosterMember(String userId, String status, String name, String givenName, String familyName,
                           String email, List<String> roles) {

    static final String ACTIVE = "Active";

    public RosterMember {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("NRPS 2.0 §2.3: a member needs a user_id");
        }
        status = status == null ? ACTIVE : status;
        roles = List.copyOf(roles);
    }

    public boolean active() {
        return ACTIVE.equalsIgnoreCase(status);
    }

    static RosterMember fromJson(Map<String, Object> json) {
        List<String> roles = JsonFields.list(json, "roles").stream().map(String::valueOf).map(LisRole::normalize)
                .filter(role -> !role.isEmpty()).toList();
        return new RosterMember(JsonFields.text(json, "user_id"), JsonFields.text(json, "status"),
                JsonFields.text(json, "name"), JsonFields.text(json, "given_name"), JsonFields.text(json, "family_name"),
                JsonFields.text(json, "email"), roles);
    }
}
