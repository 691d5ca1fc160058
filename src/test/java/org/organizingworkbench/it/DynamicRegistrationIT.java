package org.organizingworkbench.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LTI Dynamic Registration end to end over HTTP, against the deployed WAR and a real MariaDB: the emulator plays
 * Moodle and Canvas (each its own issuer), opens the tool's {@code /lti/register} with a fresh registration token as
 * an LMS does, and the tool registers itself, shows what it registered and stores the platform. The development
 * profile runs here, so approval is auto (the admin path is covered by unit tests: DynamicRegistrationsTest,
 * LaunchServiceTest, RegistrationPagesTest).
 */
@ExtendWith(SharedTool.class)
class DynamicRegistrationIT {

    private static final String PORT = System.getProperty("it.http.port");
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String EMULATOR = "http://localhost:" + PORT;
    private static final String ADMIN_SECRET = "it-admin-secret-for-tests";
    private static final Pattern CLIENT_ID = Pattern.compile("id=\"client-id\">([^<]+)</code>");


    @Test
    void moodleRegistersTheToolWithOneUrlAndThePlatformAppearsOnTheAdminPage() throws Exception {
        HttpResponse<String> page = register(new Browser(), "moodle");
        assertEquals(200, page.statusCode(), page.body());
        String clientId = clientId(page.body());
        assertTrue(clientId.matches("dr-moodle-[A-Za-z0-9_-]+"), clientId);
        assertTrue(page.body().contains("<code id=\"issuer\">" + EMULATOR + "/emulator/dr/moodle</code>"));
        assertTrue(page.body().contains("<code id=\"deployment-id\">1</code>"), "Moodle deploys at once: its tool type id");
        assertTrue(page.body().contains("data-pending=\"false\""), "development profile: approval is auto");
        assertTrue(page.body().contains("Manage tools"), "Moodle's next steps");
        assertTrue(page.body().contains("data-lti-close") && page.body().contains("src=\"/static/registration.js\""));

        String dashboard = adminDashboard();
        assertTrue(dashboard.contains(clientId), "the new platform is on the admin page");
        assertTrue(dashboard.contains("data-platform-status=\"" + clientId + "\">Active<"));
        assertFalse(dashboard.contains("data-pending-platform=\"" + clientId + "\""), "nothing waits for approval");
        assertTrue(Pattern.compile(Pattern.quote(clientId) + ".*?data-deployment=\"1\"", Pattern.DOTALL).matcher(dashboard).find(),
                "with its deployment, active");
    }

    @Test
    void aPlatformRegisteredThisWayCanStartALoginAtOnce() throws Exception {
        String clientId = clientId(register(new Browser(), "moodle").body());
        Map<String, String> login = new LinkedHashMap<>();
        login.put("iss", EMULATOR + "/emulator/dr/moodle");
        login.put("login_hint", "someone");
        login.put("target_link_uri", BASE + "/");
        login.put("client_id", clientId);
        login.put("lti_deployment_id", "1");
        HttpResponse<String> started = new Browser().post(BASE + "/lti/login", login);
        assertEquals(303, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(EMULATOR + "/emulator/auth?"), "to the authorization endpoint the platform advertised");
        assertEquals(clientId, Browser.query(URI.create(location)).get("client_id"));
    }

    @Test
    void canvasRegistersTheToolAndHasNoDeploymentUntilTheAppIsInstalled() throws Exception {
        HttpResponse<String> page = register(new Browser(), "canvas");
        assertEquals(200, page.statusCode(), page.body());
        String clientId = clientId(page.body());
        assertTrue(clientId.matches("dr-canvas-[A-Za-z0-9_-]+"), clientId);
        assertTrue(page.body().contains("<code id=\"issuer\">" + EMULATOR + "/emulator/dr/canvas</code>"));
        assertTrue(page.body().contains("Canvas (Emulated University)"), "named after the Canvas account");
        assertFalse(page.body().contains("id=\"deployment-id\""), "no deployment yet");
        assertTrue(page.body().contains("By Client ID"), "Canvas's next steps");

        String dashboard = adminDashboard();
        assertTrue(dashboard.contains(clientId));
        assertTrue(dashboard.contains("data-platform-status=\"" + clientId + "\">Active<"));
    }

    @Test
    void theEmulatedPlatformsListTheRegistrationsTheyReceived() throws Exception {
        String clientId = clientId(register(new Browser(), "canvas").body());
        HttpResponse<String> page = new Browser().get(EMULATOR + "/emulator/dr");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(clientId));
        assertTrue(page.body().contains("action=\"/emulator/dr/moodle/start\"") && page.body().contains("action=\"/emulator/dr/canvas/start\""));
    }

    @Test
    void withoutTheRegistrationTokenOrWithAWrongOneThePageSaysThePlatformRefused() throws Exception {
        String configuration = EMULATOR + "/emulator/dr/moodle/openid-configuration";
        HttpResponse<String> missing = new Browser().get(BASE + "/lti/register?openid_configuration=" + encode(configuration));
        assertFailure(missing, 502, "CONFIGURATION_REFUSED");
        assertTrue(missing.body().contains("HTTP 401"), "names the platform's status");
        assertTrue(missing.body().contains("no registration token was given"));
        assertTrue(missing.body().contains("registration token is missing, already used or expired"), "says what to do");

        String forged = "forged-registration-token-31337";
        HttpResponse<String> wrong = new Browser().get(BASE + "/lti/register?openid_configuration=" + encode(configuration)
                + "&registration_token=" + forged);
        assertFailure(wrong, 502, "CONFIGURATION_REFUSED");
        assertTrue(wrong.body().contains("the registration token was not accepted"));
        assertFalse(wrong.body().contains(forged), "the page never shows the token");
    }

    @Test
    void theRegistrationUrlOpenedWithoutAConfigurationExplainsWhatItIsFor() throws Exception {
        HttpResponse<String> page = new Browser().get(BASE + "/lti/register");
        assertFailure(page, 400, "REQUEST_INVALID");
        assertTrue(page.body().contains("Paste this URL into your LMS"));
        HttpResponse<String> spanish = new Browser().get(BASE + "/lti/register", "Accept-Language", "es-MX,es;q=0.9");
        assertTrue(spanish.body().contains("<html lang=\"es\""));
        assertTrue(spanish.body().contains("Pega esta URL"));
    }

    @Test
    void aConfigurationFromAnOriginNotListedIsNeverFetched() throws Exception {
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer stranger = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        stranger.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        stranger.start();
        try {
            String url = "http://127.0.0.1:" + stranger.getAddress().getPort() + "/openid-configuration";
            HttpResponse<String> page = new Browser().get(BASE + "/lti/register?openid_configuration=" + encode(url)
                    + "&registration_token=t");
            assertFailure(page, 403, "ORIGIN_NOT_ALLOWED");
            assertEquals(0, hits.get(), "the tool made no request to an origin that is not listed");
        } finally {
            stranger.stop(0);
        }
    }

    @Test
    void anUnreachableConfigurationIsNamed() throws Exception {
        HttpResponse<String> page = new Browser().get(BASE + "/lti/register?openid_configuration="
                + encode("http://127.0.0.1:9/openid-configuration") + "&registration_token=t");
        assertFailure(page, 502, "CONFIGURATION_UNREACHABLE");
        assertTrue(page.body().contains("GET http://127.0.0.1:9/openid-configuration failed"), page.body());
    }

    @Test
    void theEmulatedPlatformsRequireTheBearerTokenAndCheckRegistrationsLikeTheRealOnes() throws Exception {
        Browser browser = new Browser();
        assertEquals(401, browser.get(EMULATOR + "/emulator/dr/moodle/openid-configuration").statusCode());
        assertEquals(404, browser.get(EMULATOR + "/emulator/dr/blackboard/openid-configuration").statusCode());

        String moodleToken = freshToken("moodle");
        HttpResponse<String> configuration = browser.get(EMULATOR + "/emulator/dr/moodle/openid-configuration",
                "Authorization", "Bearer " + moodleToken);
        assertEquals(200, configuration.statusCode());
        Map<String, Object> moodle = JSONObjectUtils.parse(configuration.body());
        assertEquals(EMULATOR + "/emulator/dr/moodle", moodle.get("issuer"));
        Map<String, Object> platform = JSONObjectUtils.getJSONObject(moodle, "https://purl.imsglobal.org/spec/lti-platform-configuration");
        assertEquals("moodle", platform.get("product_family_code"));
        assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"),
                ((List<?>) platform.get("messages_supported")).stream().map(m -> ((Map<?, ?>) m).get("type")).toList());
        assertTrue(configuration.body().contains("AddContentMenu"));

        HttpResponse<String> refused = postJson(EMULATOR + "/emulator/dr/moodle/register", moodleToken,
                "{\"application_type\":\"web\",\"response_types\":[\"id_token\"]}");
        assertEquals(400, refused.statusCode(), "Moodle refuses with a plain-text reason");
        assertEquals("must contain implicit and client_credentials", refused.body());

        String canvasToken = freshToken("canvas");
        HttpResponse<String> canvas = postJson(EMULATOR + "/emulator/dr/canvas/register", canvasToken, "{}");
        assertEquals(422, canvas.statusCode(), "Canvas refuses with 422 and an errors list");
        assertTrue(canvas.body().contains("\"errors\""), canvas.body());
        assertEquals(401, postJson(EMULATOR + "/emulator/dr/canvas/register", moodleToken, "{}").statusCode(),
                "a token is good for its own platform only");
    }

    @Test
    void theRegistrationScriptSendsTheCloseMessage() throws Exception {
        HttpResponse<String> script = new Browser().get(BASE + "/static/registration.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("org.imsglobal.lti.close"));
        assertTrue(script.body().contains("window.parent.postMessage"));
        assertTrue(script.body().contains("window.opener"));
    }

    /** In Chromium: the emulator frames the tool's registration page; Done closes the frame by postMessage. */
    @Test
    void inABrowserDoneClosesTheLmsFrame() throws IOException {
        WebDriver driver = Chromium.start(Map.of());
        try {
            driver.get(EMULATOR + "/emulator/dr");
            driver.findElement(By.cssSelector("button[data-flavour='moodle']")).click();
            driver.switchTo().frame("registration-frame");
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.elementToBeClickable(By.id("registration-done")));
            String clientId = driver.findElement(By.id("client-id")).getText();
            assertTrue(clientId.startsWith("dr-moodle-"), clientId);
            Chromium.assertAccessible(driver, "registration page");
            driver.switchTo().defaultContent(); // axe may leave the frame: enter it again
            driver.switchTo().frame("registration-frame");
            driver.findElement(By.id("registration-done")).click();
            driver.switchTo().defaultContent();
            WebElement status = new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("close-status")));
            assertTrue(status.getText().contains("org.imsglobal.lti.close"), status.getText());
            assertFalse(driver.findElement(By.id("registration-frame")).isDisplayed(), "the LMS closed the frame");
        } finally {
            Chromium.quit(driver);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** What an LMS does when its administrator pastes the tool's URL: a fresh token, then the tool in a frame. */
    private static HttpResponse<String> register(Browser browser, String flavour) throws Exception {
        HttpResponse<String> start = browser.get(EMULATOR + "/emulator/dr/" + flavour + "/start");
        assertEquals(303, start.statusCode(), start.body());
        String location = start.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(BASE + "/lti/register?"), location);
        Map<String, String> query = Browser.query(URI.create(location));
        assertEquals(EMULATOR + "/emulator/dr/" + flavour + "/openid-configuration", query.get("openid_configuration"));
        assertNotNull(query.get("registration_token"));
        return browser.get(location);
    }

    private static String freshToken(String flavour) throws Exception {
        HttpResponse<String> start = new Browser().get(EMULATOR + "/emulator/dr/" + flavour + "/start");
        return Browser.query(URI.create(start.headers().firstValue("Location").orElseThrow())).get("registration_token");
    }

    private static HttpResponse<String> postJson(String url, String token, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String clientId(String page) {
        Matcher m = CLIENT_ID.matcher(page);
        assertTrue(m.find(), "the page names the client id: " + page);
        return m.group(1);
    }

    private static String adminDashboard() throws Exception {
        Browser admin = new Browser();
        HttpResponse<String> signedIn = admin.post(BASE + "/admin/session", Map.of("secret", ADMIN_SECRET));
        assertEquals(200, signedIn.statusCode());
        Matcher token = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)").matcher(Browser.unescape(signedIn.body()));
        assertTrue(token.find());
        HttpResponse<String> dashboard = admin.get(BASE + "/admin/dashboard", "Authorization", "Bearer " + token.group(1));
        assertEquals(200, dashboard.statusCode());
        return dashboard.body();
    }

    private static void assertFailure(HttpResponse<String> page, int status, String failure) {
        assertEquals(status, page.statusCode(), page.body());
        assertTrue(page.body().contains("<code id=\"failure\">" + failure + "</code>"), "names failure " + failure + ": " + page.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
