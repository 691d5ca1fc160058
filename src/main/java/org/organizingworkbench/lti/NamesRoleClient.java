package org.organizingworkbench.lti;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names and Role Provisioning Services 2.0: reads a course's membership from the {@code context_memberships_url}
 * of the launch's namesroleservice claim, following {@code rel="next"} pages. Pages may hold fewer members than the
 * limit (Moodle filters after paging), so only the absence of a next link ends the roster.
 */
public final class NamesRoleClient {
    static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final Set<String> SCOPES = Set.of(ServiceScope.CONTEXT_MEMBERSHIP_READONLY);

    private final ServiceRequests requests;

    public NamesRoleClient(ServiceTokenClient tokens) {
        this.requests = new ServiceRequests(tokens);
    }

    /** Told after each page, so a large roster's reading can be shown as it goes. */
    @FunctionalInterface
    public interface Progress {
        void pageRead(int pages, int membersSoFar);
    }

    public Roster roster(ServiceRegistration registration, String contextMembershipsUrl) throws ServiceException {
        return roster(registration, contextMembershipsUrl, (pages, members) -> { });
    }

    public Roster roster(ServiceRegistration registration, String contextMembershipsUrl, Progress progress)
            throws ServiceException {
        List<Map<String, Object>> contexts = new ArrayList<>();
        List<RosterMember> members = new ArrayList<>();
        requests.readPages(registration, contextMembershipsUrl, MEMBERSHIP_CONTAINER, SCOPES, page -> {
            Map<String, Object> body = ServiceRequests.objectBody(page);
            contexts.add(JsonFields.object(body, "context"));
            members.addAll(membersOf(body));
            progress.pageRead(contexts.size(), members.size());
        });
        Map<String, Object> context = contexts.get(0);
        return new Roster(JsonFields.text(context, "id"), JsonFields.text(context, "label"),
                JsonFields.text(context, "title"), members);
    }

    /** NRPS 2.0 §2.3 requires user_id; a member without one matches no one, so it is skipped. */
    @SuppressWarnings("unchecked")
    private static List<RosterMember> membersOf(Map<String, Object> page) {
        return JsonFields.list(page, "members").stream()
                .filter(Map.class::isInstance)
                .map(member -> (Map<String, Object>) member)
                .filter(member -> JsonFields.text(member, "user_id") != null)
                .map(RosterMember::fromJson)
                .toList();
    }
}
