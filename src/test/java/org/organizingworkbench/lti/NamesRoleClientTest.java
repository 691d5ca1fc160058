package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesRoleClientTest {

    private static final String MEMBERSHIPS = "/mod/lti/services.php/CourseSection/2/bindings/1/memberships";

    private FakePlatform platform;
    private ServiceTokenClient tokens;
    private NamesRoleClient client;

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
        tokens = FakePlatform.tokenClient();
        client = new NamesRoleClient(tokens);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @SuppressWarnings("unchecked")
    static String moodleBody(String service) throws Exception {
        Map<String, Object> fixture = JSONObjectUtils.parse(FakePlatform.resource("/fixtures/moodle-4.3/launch-student1.json"));
        Object body = ((Map<String, Object>) ((Map<String, Object>) fixture.get("services")).get(service)).get("body");
        return body instanceof List<?> list ? com.nimbusds.jose.util.JSONArrayUtils.toJSONString(list)
                : JSONObjectUtils.toJSONString((Map<String, Object>) body);
    }

    private static String page(String... userIds) {
        List<Map<String, Object>> members = java.util.Arrays.stream(userIds).map(id -> Map.<String, Object>of(
                "user_id", id, "status", "Active", "roles", List.of("Learner"), "name", "User " + id)).toList();
        return JSONObjectUtils.toJSONString(Map.of("id", "x", "context", Map.of("id", "2", "title", "Course"),
                "members", members));
    }

    @Test
    @DisplayName("Moodle 4.3's membership container: short roles normalised, names and emails, context")
    void moodleRoster() throws Exception {
        String body = moodleBody("nrps");
        platform.authorizedRoute(MEMBERSHIPS, request -> FakePlatform.Reply.json(200, body));

        Roster roster = client.roster(platform.registration(), platform.url(MEMBERSHIPS));

        assertEquals("2", roster.contextId());
        assertEquals("LTI101", roster.contextLabel());
        assertEquals("LTI 1.3 Harness Course", roster.contextTitle());
        assertEquals(List.of("4", "3", "6", "5"), roster.members().stream().map(RosterMember::userId).toList());
        RosterMember instructor = roster.members().get(1);
        assertEquals(List.of(LisRole.INSTRUCTOR), instructor.roles());
        assertEquals("Ingrid Instructor", instructor.name());
        assertEquals("Ingrid", instructor.givenName());
        assertEquals("Instructor", instructor.familyName());
        assertEquals("instructor1@example.com", instructor.email());
        assertTrue(instructor.active());
        assertEquals(List.of(LisRole.LEARNER), roster.members().get(0).roles(), "Moodle: a non-editing teacher is a Learner in NRPS");

        FakePlatform.Request request = platform.requestsTo(MEMBERSHIPS).get(0);
        assertEquals("application/vnd.ims.lti-nrps.v2.membershipcontainer+json", request.header("Accept"));
        assertEquals(FakePlatform.USER_AGENT, request.header("User-Agent"));
        assertTrue(platform.bearerValid(request));
        assertTrue(List.of(platform.tokenForms.get(0).get("scope").split(" "))
                .contains(ServiceScope.CONTEXT_MEMBERSHIP_READONLY));
    }

    @Test
    @DisplayName("Three pages: a relative next link, a short middle page, Moodle's typographic quotes among several links")
    void threePages() throws Exception {
        platform.authorizedRoute(MEMBERSHIPS, request -> {
            String query = String.valueOf(request.query());
            if (query.contains("from=2")) {
                return FakePlatform.Reply.json(200, page("c")).withHeader("Link", FakePlatform.utf8Bytes(
                        "<" + platform.url(MEMBERSHIPS) + "?limit=2>; rel=\u201Cfirst\u201D, <"
                                + platform.url(MEMBERSHIPS) + "?limit=2&from=4>; rel=\u201Cnext\u201D"));
            }
            if (query.contains("from=4")) {
                return FakePlatform.Reply.json(200, page("d", "e"));
            }
            return FakePlatform.Reply.json(200, page("a", "b")).withHeader("Link", "<memberships?limit=2&from=2>; rel=\"next\"");
        });

        Roster roster = client.roster(platform.registration(), platform.url(MEMBERSHIPS + "?limit=2"));

        assertEquals(List.of("a", "b", "c", "d", "e"), roster.members().stream().map(RosterMember::userId).toList());
        assertEquals(List.of("limit=2", "limit=2&from=2", "limit=2&from=4"),
                platform.requestsTo(MEMBERSHIPS).stream().map(FakePlatform.Request::query).toList());
        assertEquals("2", roster.contextId());
        assertNull(roster.contextLabel());
    }

    @Test
    @DisplayName("Endless paging guard: a next link to a page already read")
    void nextLinkLoop() {
        platform.authorizedRoute(MEMBERSHIPS, request -> {
            String other = String.valueOf(request.query()).contains("from=1") ? "" : "?from=1";
            return FakePlatform.Reply.json(200, page("a")).withHeader("Link", "<" + MEMBERSHIPS + other + ">; rel=\"next\"");
        });

        ServiceException e = assertThrows(ServiceException.class,
                () -> client.roster(platform.registration(), platform.url(MEMBERSHIPS)));

        assertTrue(e.reason().contains("endless paging"), e.reason());
        assertEquals(2, platform.requestsTo(MEMBERSHIPS).size());
    }

    @Test
    @DisplayName("Endless paging guard: more than 1000 pages")
    void tooManyPages() {
        platform.authorizedRoute(MEMBERSHIPS, request -> {
            String query = request.query();
            int from = query == null ? 0 : Integer.parseInt(query.substring("from=".length()));
            return FakePlatform.Reply.json(200, page("u" + from))
                    .withHeader("Link", "<" + MEMBERSHIPS + "?from=" + (from + 1) + ">; rel=\"next\"");
        });

        ServiceException e = assertThrows(ServiceException.class,
                () -> client.roster(platform.registration(), platform.url(MEMBERSHIPS)));

        assertTrue(e.reason().contains("more than 1000 pages"), e.reason());
        assertEquals(ServiceRequests.MAX_PAGES, platform.requestsTo(MEMBERSHIPS).size());
    }

    @Test
    @DisplayName("A 401 from the service surfaces, and the refused token is not used again")
    void refusedToken() throws Exception {
        platform.route(MEMBERSHIPS, request -> FakePlatform.Reply.json(401, "{\"error\":\"token revoked\"}"));

        ServiceException e = assertThrows(ServiceException.class,
                () -> client.roster(platform.registration(), platform.url(MEMBERSHIPS)));
        assertThrows(ServiceException.class, () -> client.roster(platform.registration(), platform.url(MEMBERSHIPS)));

        assertEquals(401, e.status());
        assertTrue(e.reason().contains("token revoked"), e.reason());
        assertEquals(2, platform.tokenRequests.get());
    }

    @Test
    @DisplayName("A registration that does not ask for the NRPS scope: nothing is sent")
    void scopeNotRequested() {
        ServiceRegistration agsOnly = new ServiceRegistration(platform.tokenUrl(), FakePlatform.CLIENT_ID,
                Set.of(ServiceScope.SCORE));

        ServiceException e = assertThrows(ServiceException.class,
                () -> client.roster(agsOnly, platform.url(MEMBERSHIPS)));

        assertEquals(0, e.status());
        assertTrue(platform.requests.isEmpty());
    }

    @Test
    @DisplayName("A member without user_id is skipped; a missing status means Active")
    void lenientMembers() throws Exception {
        platform.authorizedRoute(MEMBERSHIPS, request -> FakePlatform.Reply.json(200,
                "{\"context\":{\"id\":7},\"members\":[{\"user_id\":\"\",\"roles\":[]},{\"user_id\":42,\"roles\":[\"TeachingAssistant\"]}]}"));

        Roster roster = client.roster(platform.registration(), platform.url(MEMBERSHIPS));

        assertEquals("7", roster.contextId());
        assertEquals(1, roster.members().size());
        RosterMember member = roster.members().get(0);
        assertEquals("42", member.userId());
        assertEquals("Active", member.status());
        assertEquals(List.of(LisRole.TEACHING_ASSISTANT), member.roles());
        assertNull(member.email());
    }
}
