package org.organizingworkbench.it;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deep Linking 2.0 end to end over HTTP: the emulator's deep linking launch, the tool's activity picker, the signed
 * response the browser posts back, and the emulator checking it as a platform (and the certification) would.
 */
@ExtendWith(SharedTool.class)
class DeepLinkingIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");
    private static final String EMULATOR = "http://localhost:" + System.getProperty("it.http.port");
    private static final HttpClient HTTP = HttpClient.newHttpClient();


    @Test
    @SuppressWarnings("unchecked")
    void anInstructorAddsTwoExercisesAndThePlatformAcceptsTheResponse() throws Exception {
        HttpResponse<String> picker = deepLinkingLaunch("demo-instructor-1");
        assertEquals(200, picker.statusCode(), picker.body());
        String page = picker.body();
        assertTrue(page.contains("Building relationships"), "modules are listed by title");
        assertTrue(page.contains("data-exercise=\"one-to-one-log\""));
        assertTrue(page.contains("data-exercise=\"relationships-reflection\""));
        assertTrue(page.contains("type=\"checkbox\""), "the emulator accepts several items");
        assertTrue(page.contains("name=\"points-one-to-one-log\"") && page.contains("value=\"20\""),
                "graded exercises offer their default points");
        assertFalse(page.contains("emulator/deep-link-return"), "the return URL never goes through the browser");

        HttpResponse<String> answer = choose(page, List.of(
                Map.entry("exercise", "one-to-one-log"), Map.entry("points-one-to-one-log", "25"),
                Map.entry("exercise", "relationships-reflection"), Map.entry("points-relationships-reflection", "")));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(EMULATOR + "/emulator/deep-link-return", Browser.unescape(attribute(answer.body(), "form", "action")));
        assertTrue(answer.body().contains("data-autosubmit"));
        assertTrue(answer.body().contains("<noscript>"));
        assertFalse(answer.body().contains("<script>"), "no inline script");
        String jwt = jwtIn(answer.body());

        Map<String, Object> claims = SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
        List<Object> items = (List<Object>) claims.get("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertEquals(2, items.size());
        Map<String, Object> first = (Map<String, Object>) items.get(0);
        assertEquals("Module 4 \u00b7 One-to-one log", first.get("title"), "module and exercise: a title unique in the course");
        assertEquals("Module 4 \u00b7 One-to-one log", ((Map<String, Object>) first.get("lineItem")).get("label"));
        assertEquals(BASE + "/", first.get("url"));
        assertEquals(Map.of("exercise", "one-to-one-log"), first.get("custom"));
        assertEquals(25.0, ((Number) ((Map<String, Object>) first.get("lineItem")).get("scoreMaximum")).doubleValue());
        Map<String, Object> second = (Map<String, Object>) items.get(1);
        assertEquals(10.0, ((Number) ((Map<String, Object>) second.get("lineItem")).get("scoreMaximum")).doubleValue(),
                "an empty points field keeps the exercise's default");
        assertEquals("workbench", ((Map<String, Object>) second.get("lineItem")).get("tag"));

        HttpResponse<String> platform = post(EMULATOR + "/emulator/deep-link-return", List.of(Map.entry("JWT", jwt)));
        assertEquals(200, platform.statusCode(), platform.body());
        assertEquals(2, count(platform.body(), "class=\"created-link\""));
        assertTrue(platform.body().contains("One-to-one log") && platform.body().contains("Reflection paper"));
        assertEquals(2, count(platform.body(), "data-line-item=\""), "a gradebook column for each graded link");
        assertTrue(platform.body().contains("data-resource-id=\"one-to-one-log\""));
        int gradebook = Integer.parseInt(attribute(platform.body(), "p", "data-count"));
        assertTrue(gradebook >= 2, "the emulator's gradebook holds the new columns");

        HttpResponse<String> replay = post(EMULATOR + "/emulator/deep-link-return", List.of(Map.entry("JWT", jwt)));
        assertEquals(400, replay.statusCode(), "the platform takes each response once");
        assertTrue(replay.body().contains("<code id=\"failed-check\">data</code>"), replay.body());
    }

    @Test
    void aTamperedResponseIsRefusedByThePlatform() throws Exception {
        String page = deepLinkingLaunch("demo-instructor-1").body();
        String jwt = jwtIn(choose(page, List.of(Map.entry("exercise", "one-to-one-log"))).body());
        String[] parts = jwt.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("One-to-one log", "Free points");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = post(EMULATOR + "/emulator/deep-link-return",
                List.of(Map.entry("JWT", String.join(".", parts))));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<code id=\"failed-check\">signature</code>"), refused.body());
        assertEquals(400, post(EMULATOR + "/emulator/deep-link-return", List.of(Map.entry("JWT", "not-a-jwt"))).statusCode());
    }

    @Test
    void aStudentsDeepLinkingLaunchIsForbidden() throws Exception {
        HttpResponse<String> page = deepLinkingLaunch("demo-student-1");
        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains("data-problem=\"forbidden\""));
        assertFalse(page.body().contains("name=\"context\""), "no picker and no context to post");
    }

    @Test
    void thePickerOnlyAnswersWithTheContextItSignedForThisSession() throws Exception {
        String page = deepLinkingLaunch("demo-instructor-1").body();
        String context = attribute(page, "input[^>]*name=\"context\"", "value");
        String forged = context.substring(0, context.length() - 4) + "AAAA";
        HttpResponse<String> refused = post(BASE + "/app/deep-link", List.of(Map.entry("context", forged),
                Map.entry("exercise", "one-to-one-log")), "Authorization", "Bearer " + bearer(page));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("data-problem=\"contextInvalid\""));
        assertEquals(401, post(BASE + "/app/deep-link", List.of(Map.entry("context", context))).statusCode(),
                "no session token, no answer");
        HttpResponse<String> unknown = choose(page, List.of(Map.entry("exercise", "no-such-exercise")));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("data-problem=\"unknownExercise\""));
        HttpResponse<String> zero = choose(page, List.of(Map.entry("exercise", "one-to-one-log"),
                Map.entry("points-one-to-one-log", "0")));
        assertEquals(422, zero.statusCode());
        assertTrue(zero.body().contains("data-problem=\"badPoints\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPeerReviewRoundPlacedFromTheLmsOpensTheRoundForStaffAndTheReviewsForStudents() throws Exception {
        String exercise = "organizing-sentence";
        String page = deepLinkingLaunch("demo-instructor-1").body();
        assertTrue(page.contains("value=\"round:" + exercise + "\""), "each exercise can be placed as a round");
        HttpResponse<String> answer = choose(page, List.of(Map.entry("exercise", "round:" + exercise)));
        assertEquals(200, answer.statusCode(), answer.body());
        String jwt = jwtIn(answer.body());
        List<Object> items = (List<Object>) SignedJWT.parse(jwt).getJWTClaimsSet().getClaims()
                .get("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        Map<String, Object> item = (Map<String, Object>) items.get(0);
        assertEquals(Map.of("review_round", exercise), item.get("custom"), "the link names the round's exercise");
        assertTrue(((String) item.get("title")).startsWith("Peer review: "), (String) item.get("title"));
        assertFalse(item.containsKey("lineItem"), "the round's settings choose where its grades go");

        HttpResponse<String> platform = post(EMULATOR + "/emulator/deep-link-return", List.of(Map.entry("JWT", jwt)));
        assertEquals(200, platform.statusCode(), platform.body());
        String link = attribute(platform.body(), "tr", "data-link");

        HttpResponse<String> student = EmulatorLaunch.launch(new Browser(), "demo-student-1", "placed:" + link);
        assertEquals(200, student.statusCode(), student.body());
        assertTrue(student.body().contains("class=\"reviews-page\""), student.body());
        HttpResponse<String> instructor = EmulatorLaunch.launch(new Browser(), "demo-instructor-1", "placed:" + link);
        assertEquals(200, instructor.statusCode(), instructor.body());
        assertTrue(instructor.body().contains("class=\"review-round\""), "the round, started with the defaults");
        Matcher release = Pattern.compile("hx-post=\"/app/reviews/rounds/(\\d+)/release\"").matcher(instructor.body());
        assertTrue(release.find(), instructor.body());
        HttpResponse<String> again = EmulatorLaunch.launch(new Browser(), "demo-instructor-1", "placed:" + link);
        assertTrue(again.body().contains("/app/reviews/rounds/" + release.group(1) + "/release"), "the same round again");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The emulator's "Add activity (Deep Linking)" button: login with lti_message_hint=deep-linking, then launch. */
    private static HttpResponse<String> deepLinkingLaunch(String user) throws Exception {
        return EmulatorLaunch.launch(new Browser(), user, "deep-linking");
    }

    /** Posts the picker form as htmx would: the page's context, the choices, the session token as Bearer. */
    private static HttpResponse<String> choose(String pickerPage, List<Map.Entry<String, String>> choices) throws Exception {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("context", attribute(pickerPage, "input[^>]*name=\"context\"", "value")));
        form.addAll(choices);
        return post(BASE + "/app/deep-link", form, "Authorization", "Bearer " + bearer(pickerPage));
    }

    private static HttpResponse<String> post(String url, List<Map.Entry<String, String>> form, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jwtIn(String page) {
        String jwt = attribute(page, "input[^>]*name=\"JWT\"", "value");
        assertNotNull(jwt, page);
        return jwt;
    }

    private static String bearer(String page) {
        Matcher m = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)").matcher(Browser.unescape(page));
        assertTrue(m.find(), "the page carries its session token for htmx");
        return m.group(1);
    }

    /** The value of an attribute of the first element matching the tag pattern. */
    private static String attribute(String html, String tag, String name) {
        Matcher m = Pattern.compile("<" + tag + "[^>]*?\\s" + name + "=\"([^\"]*)\"").matcher(html);
        return m.find() ? Browser.unescape(m.group(1)) : null;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
