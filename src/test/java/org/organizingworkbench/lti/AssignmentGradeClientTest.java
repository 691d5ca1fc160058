package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignmentGradeClientTest {

    private static final String LINEITEMS = "/mod/lti/services.php/2/lineitems";
    private static final String LINEITEM = "/mod/lti/services.php/2/lineitems/2/lineitem";

    private FakePlatform platform;
    private AssignmentGradeClient client;

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
        client = new AssignmentGradeClient(FakePlatform.tokenClient());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private String moodleLineItemUrl() {
        return platform.url(LINEITEM + "?type_id=1");
    }

    @Test
    @DisplayName("Moodle: /scores goes into the path, before ?type_id=1 (hypothesis/lms #3913)")
    void moodleScoresUrl() {
        assertEquals("http://h/mod/lti/services.php/2/lineitems/2/lineitem/scores?type_id=1",
                AssignmentGradeClient.scoresUrl("http://h/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
        assertEquals("http://h/mod/lti/services.php/2/lineitems/2/lineitem/results?type_id=1",
                AssignmentGradeClient.resultsUrl("http://h/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
    }

    @Test
    @DisplayName("Canvas: a line item URL without a query gets /scores; an encoded path and a trailing slash survive")
    void canvasScoresUrl() {
        assertEquals("https://canvas.instructure.com/api/lti/courses/1/line_items/2/scores",
                AssignmentGradeClient.scoresUrl("https://canvas.instructure.com/api/lti/courses/1/line_items/2"));
        assertEquals("https://h:8443/a%20b/items/2/scores?x=%2F",
                AssignmentGradeClient.scoresUrl("https://h:8443/a%20b/items/2/?x=%2F"));
        assertThrows(IllegalArgumentException.class, () -> AssignmentGradeClient.scoresUrl("/relative/lineitem"));
    }

    @Test
    @DisplayName("A score: exact content type, the User-Agent, the path-edited URL, and the fields as AGS names them")
    void postScore() throws Exception {
        platform.authorizedRoute(LINEITEM + "/scores", request -> new FakePlatform.Reply(200, Map.of(), ""));
        Score score = Score.graded("5", 85, 100, Instant.parse("2026-11-23T19:29:25Z")).withComment("posted by harness tool");

        client.postScore(platform.registration(), moodleLineItemUrl(), score);

        FakePlatform.Request request = platform.requestsTo(LINEITEM + "/scores").get(0);
        assertEquals("POST", request.method());
        assertEquals("type_id=1", request.query());
        assertEquals("application/vnd.ims.lis.v1.score+json", request.header("Content-Type"));
        assertEquals(FakePlatform.USER_AGENT, request.header("User-Agent"));
        Map<String, Object> body = JSONObjectUtils.parse(request.body());
        assertEquals("2026-11-23T19:29:25.000Z", body.get("timestamp"), "0 ms still prints .000Z");
        assertEquals(Map.of("userId", "5", "scoreGiven", 85L, "scoreMaximum", 100L, "comment", "posted by harness tool",
                "timestamp", "2026-11-23T19:29:25.000Z", "activityProgress", "Completed",
                "gradingProgress", "FullyGraded"), body);
        assertTrue(request.body().contains("\"scoreGiven\":85,"), "whole numbers as integers: " + request.body());
    }

    @Test
    @DisplayName("Timestamps: ISO-8601 UTC, exactly three fraction digits, Z")
    void timestampFormat() {
        assertEquals("2026-11-23T19:29:25.298Z", Score.timestampText(Instant.parse("2026-11-23T19:29:25.298Z")));
        assertEquals("2026-11-23T19:29:25.000Z", Score.timestampText(Instant.parse("2026-11-23T19:29:25Z")));
        assertEquals("2026-11-23T19:29:25.298Z", Score.timestampText(Instant.parse("2026-11-23T19:29:25.298999999Z")));
        assertEquals("2026-01-02T03:04:05.006Z", Score.timestampText(Instant.parse("2026-01-02T04:04:05.006+01:00")));
    }

    @Test
    @DisplayName("Canvas's submission extension with submitted_at, merged with what the caller set")
    void canvasSubmittedAt() throws Exception {
        platform.authorizedRoute(LINEITEM + "/scores", request -> FakePlatform.Reply.json(200, "{}"));
        Score score = Score.progress("5", Instant.parse("2026-11-23T19:30:00Z"), ActivityProgress.SUBMITTED,
                        GradingProgress.PENDING_MANUAL)
                .withExtension(Score.CANVAS_SUBMISSION, Map.of("new_submission", true))
                .withCanvasSubmittedAt(Instant.parse("2026-11-23T19:00:00.5Z"));

        client.postScore(platform.registration(), moodleLineItemUrl(), score);

        Map<String, Object> body = JSONObjectUtils.parse(platform.requestsTo(LINEITEM + "/scores").get(0).body());
        assertEquals(Map.of("new_submission", true, "submitted_at", "2026-11-23T19:00:00.500Z"),
                body.get(Score.CANVAS_SUBMISSION));
        assertEquals("PendingManual", body.get("gradingProgress"));
        assertEquals("Submitted", body.get("activityProgress"));
        assertNull(body.get("scoreGiven"));
    }

    @Test
    @DisplayName("Moodle's 409 for a score that is not newer surfaces with its status and body")
    void scoreConflict() {
        platform.authorizedRoute(LINEITEM + "/scores", request ->
                new FakePlatform.Reply(409, Map.of(), "Refusing score with an earlier timestamp"));

        ServiceException e = assertThrows(ServiceException.class, () -> client.postScore(platform.registration(),
                moodleLineItemUrl(), Score.graded("5", 1, 1, Instant.now())));

        assertEquals(409, e.status());
        assertEquals(platform.url(LINEITEM + "/scores?type_id=1"), e.url());
        assertTrue(e.reason().contains("Refusing score with an earlier timestamp"), e.reason());
    }

    @Test
    @DisplayName("An error body is cut to its first 300 characters")
    void longErrorBody() {
        platform.authorizedRoute(LINEITEM + "/scores", request -> new FakePlatform.Reply(422, Map.of(), "x".repeat(5000)));

        ServiceException e = assertThrows(ServiceException.class, () -> client.postScore(platform.registration(),
                moodleLineItemUrl(), Score.graded("5", 1, 1, Instant.now())));

        assertEquals(422, e.status());
        assertTrue(e.reason().startsWith("x".repeat(300)) && e.reason().length() <= 301, e.reason());
    }

    @Test
    @DisplayName("Line items over two pages; Moodle 4.3's own line item first; filters join the existing query")
    void lineItemPages() throws Exception {
        String moodlePage = NamesRoleClientTest.moodleBody("lineitems");
        platform.authorizedRoute(LINEITEMS, request -> {
            if (request.query().contains("from=1")) {
                return FakePlatform.Reply.json(200, JSONArrayUtils.toJSONString(List.of(Map.of("id",
                        platform.url(LINEITEMS + "/3/lineitem?type_id=1"), "label", "Second", "scoreMaximum", 10))));
            }
            return FakePlatform.Reply.json(200, moodlePage).withHeader("Link",
                    "<" + platform.url(LINEITEMS) + "?type_id=1&resource_link_id=1&limit=1&from=1>; rel=\"next\"");
        });

        List<LineItem> items = client.listLineItems(platform.registration(), platform.url(LINEITEMS + "?type_id=1"),
                LineItemFilter.byResourceLinkId("1"));

        assertEquals(List.of("Harness LTI activity", "Second"), items.stream().map(LineItem::label).toList());
        LineItem moodle = items.get(0);
        assertEquals("http://127.0.0.1:8081/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1", moodle.id());
        assertEquals(100.0, moodle.scoreMaximum());
        assertEquals("1", moodle.resourceLinkId());
        assertNull(moodle.resourceId(), "Moodle's blank resourceId means none");
        assertNull(moodle.tag());
        assertEquals(Map.of("ltiLinkId", "1"), moodle.extensions());
        List<FakePlatform.Request> requests = platform.requestsTo(LINEITEMS);
        assertEquals("type_id=1&resource_link_id=1", requests.get(0).query());
        assertEquals("application/vnd.ims.lis.v2.lineitemcontainer+json", requests.get(0).header("Accept"));
        assertEquals(2, requests.size());
    }

    @Test
    @DisplayName("Moodle 4.3's line item, read by its URL")
    void getLineItem() throws Exception {
        String body = NamesRoleClientTest.moodleBody("lineitem");
        platform.authorizedRoute(LINEITEM, request -> FakePlatform.Reply.json(200, body));

        LineItem item = client.getLineItem(platform.registration(), moodleLineItemUrl());

        assertEquals("Harness LTI activity", item.label());
        assertEquals("application/vnd.ims.lis.v2.lineitem+json", platform.requestsTo(LINEITEM).get(0).header("Accept"));
    }

    @Test
    @DisplayName("Creating a line item with Canvas's submission_type extension")
    void createLineItem() throws Exception {
        platform.authorizedRoute(LINEITEMS, request -> {
            Map<String, Object> sent = new java.util.LinkedHashMap<>(JSONObjectUtils.parse(request.body()));
            sent.put("id", platform.url(LINEITEMS + "/9"));
            return FakePlatform.Reply.json(201, JSONObjectUtils.toJSONString(sent));
        });
        Map<String, Object> submissionType = Map.of("type", "external_tool", "external_tool_url", "https://tool/launch");
        LineItem item = LineItem.of("Project charter", 20).withResourceId("charter").withTag("module-1")
                .withResourceLinkId("rl-1").withExtension(LineItem.CANVAS_SUBMISSION_TYPE, submissionType);

        LineItem created = client.createLineItem(platform.registration(), platform.url(LINEITEMS), item);

        FakePlatform.Request request = platform.requestsTo(LINEITEMS).get(0);
        assertEquals("POST", request.method());
        assertEquals("application/vnd.ims.lis.v2.lineitem+json", request.header("Content-Type"));
        assertEquals(Map.of("label", "Project charter", "scoreMaximum", 20L, "resourceId", "charter", "tag", "module-1",
                "resourceLinkId", "rl-1", LineItem.CANVAS_SUBMISSION_TYPE, submissionType), JSONObjectUtils.parse(request.body()));
        assertEquals(platform.url(LINEITEMS + "/9"), created.id());
        assertEquals(submissionType, created.extensions().get(LineItem.CANVAS_SUBMISSION_TYPE));
    }

    @Test
    @DisplayName("Updating a line item PUTs it whole to its id, fields it does not model included")
    void updateLineItem() throws Exception {
        String body = NamesRoleClientTest.moodleBody("lineitem").replace("http://127.0.0.1:8081", platform.url(""));
        platform.authorizedRoute(LINEITEM, request -> FakePlatform.Reply.json(200,
                "PUT".equals(request.method()) ? request.body() : body));
        LineItem item = client.getLineItem(platform.registration(), moodleLineItemUrl());

        LineItem updated = client.updateLineItem(platform.registration(), item.withLabel("Renamed").withScoreMaximum(50));

        FakePlatform.Request put = platform.requestsTo(LINEITEM).get(1);
        assertEquals("PUT", put.method());
        assertEquals("type_id=1", put.query());
        Map<String, Object> sent = JSONObjectUtils.parse(put.body());
        assertEquals("Renamed", sent.get("label"));
        assertEquals(50L, sent.get("scoreMaximum"));
        assertEquals("1", sent.get("ltiLinkId"));
        assertEquals("Renamed", updated.label());
    }

    @Test
    @DisplayName("Moodle 4.3's results, from the path-edited /results URL")
    void readResults() throws Exception {
        String body = NamesRoleClientTest.moodleBody("results");
        platform.authorizedRoute(LINEITEM + "/results", request -> FakePlatform.Reply.json(200, body));

        List<LineItemResult> results = client.readResults(platform.registration(), moodleLineItemUrl());

        assertEquals("type_id=1", platform.requestsTo(LINEITEM + "/results").get(0).query());
        assertEquals("application/vnd.ims.lis.v2.resultcontainer+json",
                platform.requestsTo(LINEITEM + "/results").get(0).header("Accept"));
        LineItemResult result = results.get(0);
        assertEquals("5", result.userId());
        assertEquals(85.0, result.resultScore());
        assertEquals(100.0, result.resultMaximum());
        assertEquals("posted by harness tool", result.comment());
        assertEquals(Instant.parse("2026-11-23T19:29:25Z"), result.timestamp(), "Moodle writes +00:00");
    }

    @Test
    @DisplayName("Results on several pages: every rel=\"next\" page read, each asked for as a result container")
    void readResultsAcrossPages() throws Exception {
        platform.authorizedRoute(LINEITEM + "/results", request -> {
            boolean first = request.query() == null || !request.query().contains("page=2");
            String body = first
                    ? "[{\"userId\":\"a\",\"resultScore\":7,\"resultMaximum\":10},{\"userId\":\"b\"}]"
                    : "[{\"userId\":\"c\",\"resultScore\":\"9.5\",\"resultMaximum\":10}]";
            FakePlatform.Reply reply = FakePlatform.Reply.json(200, body);
            return first ? reply.withHeader("Link", "<" + platform.url(LINEITEM + "/results?type_id=1&page=2")
                    + ">; rel=\"next\"") : reply;
        });

        List<LineItemResult> results = client.readResults(platform.registration(), moodleLineItemUrl());

        assertEquals(List.of("a", "b", "c"), results.stream().map(LineItemResult::userId).toList());
        assertEquals(null, results.get(1).resultScore(), "a user the platform holds no score for");
        assertEquals(9.5, results.get(2).resultScore());
        assertEquals(2, platform.requestsTo(LINEITEM + "/results").size());
        platform.requestsTo(LINEITEM + "/results").forEach(request ->
                assertEquals("application/vnd.ims.lis.v2.resultcontainer+json", request.header("Accept")));
    }

    @Test
    @DisplayName("Score rules checked before sending: scoreMaximum with scoreGiven, a userId, a timestamp")
    void scoreRules() {
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class, () -> new Score("5", 1.0, null, null, now,
                ActivityProgress.COMPLETED, GradingProgress.FULLY_GRADED, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Score.graded(" ", 1, 1, now));
        assertThrows(IllegalArgumentException.class, () -> Score.graded("5", 1, 1, null));
        assertThrows(IllegalArgumentException.class, () -> Score.graded("5", -1, 1, now));
    }
}
