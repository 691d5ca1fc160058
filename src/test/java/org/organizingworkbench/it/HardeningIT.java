package org.organizingworkbench.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 13 over HTTP, as an outsider, a hostile student and a hostile platform would try it: bodies over their
 * limits, malformed requests of every kind (and a fuzz over every endpoint), framing, the PDF's token, the admin
 * sign-in throttle, Deep Linking return URLs, Dynamic Registration's endpoint and answers, production start-up
 * checks and the embedded database's grants. One Payara for all of it.
 */
@ExtendWith(SharedTool.class)
class HardeningIT {

    private static final String BASE = EmulatorLaunch.TOOL;
    private static final String EMULATOR = EmulatorLaunch.EMULATOR;
    private static final String ADMIN_SECRET = "it-admin-secret-for-tests";
    private static final String LMS = "https://lms.hardening.example";
    private static final String LMS_SITE = "https://school.hardening.example";
    private static final String CLIENT = "hardening-client";
    private static final Pattern SERVER_WORDS = Pattern.compile("(?i)payara|glassfish|grizzly|exception|\\bat (org|java|jdk|sun|com)\\.");
    private static TestPlatformServer lms;


    @BeforeAll
    static void startTheTestPlatform() throws Exception {
        lms = new TestPlatformServer();
    }

    private static boolean registered;

    /** The test platform, registered once by the admin with a site of its own besides its issuer. */
    private static synchronized void registerTheTestPlatform() throws Exception {
        if (registered) {
            return;
        }
        registered = true;
        Browser admin = new Browser();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Hardening LMS");
        form.put("issuer", LMS);
        form.put("clientId", CLIENT);
        form.put("authUrl", LMS + "/auth");
        form.put("tokenUrl", lms.url("/token"));
        form.put("jwksUrl", lms.url("/jwks"));
        form.put("deploymentIds", "1");
        form.put("siteOrigins", LMS_SITE);
        HttpResponse<String> saved = admin.post(BASE + "/admin/platforms", form, "Authorization", "Bearer " + adminToken(admin, null));
        assertEquals(200, saved.statusCode(), saved.body());
    }

    @AfterAll
    static void stopTheTestPlatform() {
        lms.close();
    }

    // --- 1. Body limits -------------------------------------------------------------------------------------

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        for (String[] endpoint : new String[][]{{"POST", "/lti/launch", "application/x-www-form-urlencoded"},
                {"POST", "/lti/login", "application/x-www-form-urlencoded"}, {"POST", "/admin/session", "application/x-www-form-urlencoded"},
                {"PUT", "/app/workbook/exercises/m1-e1/fields/story", "application/json"},
                {"POST", "/export/workbook.pdf", "application/x-www-form-urlencoded"}}) {
            long started = System.nanoTime();
            String answer = raw(endpoint[0] + " " + endpoint[1] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + endpoint[2]
                    + "\r\nAccept: " + (endpoint[2].contains("json") ? "application/json" : "text/html")
                    + "\r\nContent-Length: 52428800\r\n\r\n", "a=".getBytes(StandardCharsets.US_ASCII));
            assertTrue(answer.startsWith("HTTP/1.1 413"), endpoint[1] + ": " + head(answer));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "answered without waiting for 50 MB");
            assertFalse(SERVER_WORDS.matcher(answer).find(), answer);
            if (endpoint[2].contains("json")) {
                assertTrue(answer.contains("\"error\":\"tooLarge\""), "the autosave gets JSON it can show: " + answer);
            } else {
                assertTrue(answer.contains("data-refusal=\"tooLarge\""), answer);
            }
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String chunk = "a".repeat(8192);
        for (int i = 0; i < 40; i++) { // 320 KiB, more than a launch form may have
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        String answer = raw("POST /lti/launch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunks.toString().getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 413"), head(answer));
        String small = raw("POST /lti/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", "9\r\niss=x&a=b\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(small.startsWith("HTTP/1.1 400"), "a small chunked form is read as usual: " + head(small));
        assertTrue(small.contains("LOGIN_PARAMETERS"), small);
    }

    @Test
    void aValidlySignedOversizedIdTokenIsRefusedWithItsRule() throws Exception {
        HttpResponse<String> mid = lmsLaunch(claims -> claims.put("https://lms.hardening.example/padding", "p".repeat(80_000)));
        assertRefused(mid, 400, "ID_TOKEN_TOO_LARGE");
        byte[] huge = Browser.encode(lmsLaunchForm(claims -> claims.put("https://lms.hardening.example/padding",
                "p".repeat(1_000_000)))).getBytes(StandardCharsets.US_ASCII);
        String answer = raw("POST /lti/launch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + huge.length + "\r\n\r\n", huge);
        assertTrue(answer.startsWith("HTTP/1.1 413"), "a 1 MB token is not even read: " + head(answer));
        assertTrue(answer.contains("data-refusal=\"tooLarge\"") && answer.contains("/lti/launch: 128 KiB"), answer);
        HttpResponse<String> normal = lmsLaunch(claims -> { });
        assertEquals(200, normal.statusCode(), "the same platform launches with a normal token: " + normal.body());
    }

    // --- 2. The tool's own answers to malformed requests ------------------------------------------------------

    @Test
    void theCasesThatUsedToAnswer500GetTheToolsOwn4xx() throws Exception {
        Browser browser = new Browser();
        assertRefused(browser.post(BASE + "/lti/launch", Map.of("state", "ab", "id_token", "x.y.z")), 401, "STATE_UNKNOWN");
        Map<String, String> login = EmulatorLaunch.login("x".repeat(5000), "resource-link");
        HttpResponse<String> longHint = browser.post(BASE + "/lti/login", login);
        assertRefused(longHint, 400, "LOGIN_PARAMETERS");
        assertTrue(longHint.body().contains("login_hint has 5000 characters"), longHint.body());
        String student = sessionToken("demo-student-1");
        for (String path : List.of("/lti/login", "/admin/session", "/export/workbook.pdf", "/app/sections", "/app/grades")) {
            HttpResponse<String> noType = send("POST", path, null, "secret=x&name=y", "Authorization", "Bearer " + student,
                    "Accept-Language", "es");
            assertEquals(415, noType.statusCode(), path + ": " + noType.body());
            assertTrue(noType.body().contains("<html lang=\"es\""), "in the person's language: " + path);
            assertOwnAnswer(noType, path);
        }
        HttpResponse<String> badCharset = send("POST", "/lti/login", "application/x-www-form-urlencoded; charset=bogus", "iss=x");
        assertTrue(badCharset.statusCode() >= 400 && badCharset.statusCode() < 500, "bad charset: " + badCharset.statusCode());
        HttpResponse<String> json = send("DELETE", "/app/workbook/exercises/m1-e1/fields/story", null, null,
                "Accept", "application/json", "Authorization", "Bearer " + student);
        assertEquals(405, json.statusCode());
        assertTrue(json.body().startsWith("{\"error\":\"methodNotAllowed\""), "a script gets JSON: " + json.body());
    }

    @Test
    void noAnswerNamesTheServer() throws Exception {
        for (String path : List.of("/", "/admin", "/no/such/page", "/lti/launch", "/static/none.css", "/error-page")) {
            HttpResponse<String> answer = send("GET", path, null, null);
            assertTrue(answer.headers().firstValue("Server").isEmpty(), path + " Server: " + answer.headers().firstValue("Server"));
            assertTrue(answer.headers().firstValue("X-Powered-By").isEmpty(), path);
            assertFalse(SERVER_WORDS.matcher(answer.body()).find(), path + ": " + answer.body());
        }
    }

    /**
     * Every endpoint with wrong methods, content types, encodings, lengths and garbage: never a 5xx, never a stack
     * trace or the server's name, always the tool's security headers.
     */
    @Test
    void fuzzingEveryEndpointFindsNo5xx() throws Exception {
        String instructor = sessionToken("demo-instructor-1");
        List<String> paths = List.of("/", "/lti/login", "/lti/launch", "/lti/register", "/.well-known/jwks.json",
                "/lti-config/canvas.json", "/admin", "/admin/session", "/admin/dashboard", "/admin/platforms",
                "/admin/platforms/1/approve", "/admin/deployments/x/approve", "/admin/keys/rotate", "/admin/privacy/import",
                "/admin/privacy/people/x/erase", "/app/privacy", "/app/privacy/met-names", "/app/home", "/app/roster",
                "/app/roster/sync", "/app/grades", "/app/grades/compare", "/app/grades/1/resend", "/app/workbook",
                "/app/workbook/exercises/m1-e1", "/app/workbook/exercises/m1-e1/fields/story",
                "/app/workbook/exercises/m1-e1/fields/story/restore", "/app/workbook/exercises/m1-e1/submit",
                "/app/learners", "/app/learners/abc/workbook", "/app/sections", "/app/sections/abc/members",
                "/app/sections/1/name", "/app/deep-link", "/app/curriculum", "/app/curriculum/exercises/%C3%28",
                "/app/curriculum/versions/x", "/export/workbook.pdf", "/static/app.css", "/static/..%2f..%2fetc%2fpasswd",
                "/emulator", "/emulator/auth", "/emulator/dr");
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
        List<String[]> bodies = List.of(
                new String[]{null, null},
                new String[]{"application/x-www-form-urlencoded", "state=%ZZ&id_token=%E0%A4%A&iss=%&login_hint="},
                new String[]{"application/x-www-form-urlencoded", "iss=" + "i".repeat(4000) + "&base=NaN&revision=-1&member=x&points-a=1e999"},
                new String[]{"application/json", "{\"base\": \"x\", \"value\": [[[[]]]], \"saveId\": null"},
                new String[]{"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"},
                new String[]{"application/x-www-form-urlencoded; charset=ISO-8859-1", "name=%FF%FE\u0000\u00ff"});
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String path : paths) {
            for (String method : methods) {
                for (String[] body : bodies) {
                    if (body[1] != null && method.equals("GET")) {
                        continue;
                    }
                    for (boolean authorised : new boolean[]{false, true}) {
                        if (authorised && !(path.startsWith("/app") || path.startsWith("/export"))) {
                            continue;
                        }
                        requests++;
                        String query = requests % 3 == 0 ? "?token=%00&learner=-1&openid_configuration=javascript:x&x=" + "q".repeat(2000) : "";
                        // From an address of its own, so that wrong admin secrets here throttle nobody else.
                        HttpResponse<String> answer = authorised
                                ? send(method, path + query, body[0], body[1], "Authorization", "Bearer " + instructor,
                                        "X-Forwarded-For", "192.0.2.77")
                                : send(method, path + query, body[0], body[1], "Accept-Language", "es;q=x, *",
                                        "X-Forwarded-For", "192.0.2.77");
                        String problem = problem(answer);
                        if (problem != null) {
                            failures.add(method + " " + path + query.substring(0, Math.min(query.length(), 40)) + " ["
                                    + body[0] + "] " + (authorised ? "as instructor" : "anonymous") + ": " + problem);
                        }
                    }
                }
            }
        }
        assertTrue(requests > 500, "a real fuzz: " + requests);
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " requests:\n" + String.join("\n", failures));
    }

    // --- 3. Framing --------------------------------------------------------------------------------------------

    @Test
    void theAdminPageCannotBeFramedAndToolPagesOnlyByActivePlatforms() throws Exception {
        registerTheTestPlatform();
        HttpResponse<String> admin = send("GET", "/admin", null, null);
        assertTrue(csp(admin).contains("frame-ancestors 'none'"), csp(admin));
        assertEquals("DENY", admin.headers().firstValue("X-Frame-Options").orElse(""));
        HttpResponse<String> tool = send("GET", "/", null, null);
        String ancestors = frameAncestors(tool);
        assertTrue(ancestors.contains(EMULATOR), "the emulator frames the tool in development: " + ancestors);
        assertTrue(ancestors.contains(LMS) && ancestors.contains(LMS_SITE), "a registered, active platform's sites: " + ancestors);
        assertTrue(ancestors.contains("https://moodle.declared.example"), "platforms from the file too: " + ancestors);
        assertFalse(ancestors.contains("*"), ancestors);
        assertTrue(tool.headers().firstValue("X-Frame-Options").isEmpty(), "the CSP decides, for the LMS frame");

        Browser adminBrowser = new Browser();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Late LMS");
        form.put("issuer", "https://late.hardening.example");
        form.put("clientId", "late");
        form.put("authUrl", "https://late.hardening.example/auth");
        form.put("tokenUrl", "https://late.hardening.example/token");
        form.put("jwksUrl", "https://late.hardening.example/jwks");
        form.put("deploymentIds", "");
        form.put("siteOrigins", "https://late-site.hardening.example");
        assertFalse(frameAncestors(send("GET", "/", null, null)).contains("https://late-site.hardening.example"));
        assertEquals(200, adminBrowser.post(BASE + "/admin/platforms", form, "Authorization", "Bearer "
                + adminToken(adminBrowser, null)).statusCode());
        assertTrue(frameAncestors(send("GET", "/", null, null)).contains("https://late-site.hardening.example"),
                "a platform registered now may frame the tool at once");
    }

    // --- 4. The PDF's session token ------------------------------------------------------------------------------

    @Test
    void thePdfTakesTheSessionTokenFromTheHeaderOrTheBodyNeverTheAddress() throws Exception {
        String student = sessionToken("demo-student-2");
        HttpResponse<String> inUrl = send("POST", "/export/workbook.pdf?token=" + student,
                "application/x-www-form-urlencoded", "");
        assertEquals(400, inUrl.statusCode(), inUrl.body());
        assertFalse(inUrl.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        HttpResponse<byte[]> inHeader = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/export/workbook.pdf"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Bearer " + student)
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, inHeader.statusCode());
        assertEquals("%PDF", new String(inHeader.body(), 0, 4, StandardCharsets.US_ASCII));
        HttpResponse<String> inBody = send("POST", "/export/workbook.pdf", "application/x-www-form-urlencoded",
                "token=" + student);
        assertEquals(200, inBody.statusCode());
    }

    // --- 5. The admin sign-in throttle ---------------------------------------------------------------------------

    @Test
    void anOutsidersWrongSecretsDoNotLockTheAdministratorOut() throws Exception {
        Browser outsider = new Browser();
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            int status = outsider.post(BASE + "/admin/session", Map.of("secret", "guess-" + i),
                    "X-Forwarded-For", "203.0.113.9").statusCode();
            throttled += status == 429 ? 1 : 0;
        }
        assertEquals(2, throttled, "after ten wrong secrets the outsider waits");
        assertEquals(429, outsider.post(BASE + "/admin/session", Map.of("secret", ADMIN_SECRET),
                "X-Forwarded-For", "203.0.113.9").statusCode(), "even the right secret waits, from that address");
        Browser administrator = new Browser();
        assertEquals(200, administrator.post(BASE + "/admin/session", Map.of("secret", ADMIN_SECRET),
                "X-Forwarded-For", "198.51.100.20").statusCode(), "the administrator, elsewhere, signs in");
        assertEquals(429, outsider.post(BASE + "/admin/session", Map.of("secret", "again"),
                "X-Forwarded-For", "10.1.1.1, 203.0.113.9").statusCode(), "a forged hop on the left changes nothing");
    }

    // --- 6. Deep Linking return URL -------------------------------------------------------------------------------

    @Test
    void deepLinkingAnswersGoOnlyToTheRegisteredSitesOfThePlatform() throws Exception {
        HttpResponse<String> script = lmsDeepLinking("javascript:alert(document.domain)");
        assertRefused(script, 400, "DEEP_LINK_RETURN_URL_INVALID");
        assertFalse(script.body().contains("javascript:alert"), "never reflected");
        HttpResponse<String> foreign = lmsDeepLinking("https://collector.evil.example/return");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("data-problem=\"returnUrlNotAllowed\""), foreign.body());
        assertTrue(foreign.body().contains("https://collector.evil.example"), "the page names the refused site");
        assertFalse(foreign.body().contains("deep-link-picker"), "no picker, no signed answer to post");
        HttpResponse<String> registered = lmsDeepLinking(LMS_SITE + "/courses/7/deep_linking_response?modal=true");
        assertEquals(200, registered.statusCode(), registered.body());
        assertTrue(registered.body().contains("id=\"deep-link-picker\""), "the registered site gets the picker");
    }

    // --- 7. Dynamic Registration ----------------------------------------------------------------------------------

    @Test
    void registrationPostsOnlyToTheIssuersOriginAndNeverRepeatsWhatTheLmsWrote() throws Exception {
        AtomicInteger foreignHits = new AtomicInteger();
        HttpServer foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        foreign.createContext("/", exchange -> {
            foreignHits.incrementAndGet();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        foreign.start();
        int port = Integer.parseInt(System.getProperty("it.lms.port"));
        String origin = "http://127.0.0.1:" + port;
        String[] registrationEndpoint = {"http://127.0.0.1:" + foreign.getAddress().getPort() + "/register"};
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        platform.createContext("/openid-configuration", exchange -> respond(exchange, 200, "{\"issuer\":\"" + origin + "\","
                + "\"authorization_endpoint\":\"" + origin + "/auth\",\"token_endpoint\":\"" + origin + "/token\","
                + "\"jwks_uri\":\"" + origin + "/jwks\",\"registration_endpoint\":\"" + registrationEndpoint[0] + "\"}"));
        platform.createContext("/register", exchange -> respond(exchange, 400,
                "{\"error\":\"invalid_client_metadata\",\"error_description\":\"<b>words of the LMS</b>\"}"));
        platform.start();
        try {
            String url = BASE + "/lti/register?openid_configuration=" + URLEncoder.encode(origin + "/openid-configuration",
                    StandardCharsets.UTF_8) + "&registration_token=secret-registration-token";
            HttpResponse<String> offOrigin = new Browser().get(url);
            assertEquals(502, offOrigin.statusCode(), offOrigin.body());
            assertTrue(offOrigin.body().contains("REGISTRATION_ENDPOINT_MISMATCH"), offOrigin.body());
            assertEquals(0, foreignHits.get(), "the registration token never left for another host");

            registrationEndpoint[0] = origin + "/register";
            HttpResponse<String> refused = new Browser().get(url);
            assertEquals(502, refused.statusCode());
            assertTrue(refused.body().contains("REGISTRATION_REFUSED"), refused.body());
            assertTrue(refused.body().contains("HTTP 400 (error invalid_client_metadata)"), refused.body());
            assertFalse(refused.body().contains("words of the LMS"), "what the LMS wrote is not repeated");
            assertFalse(refused.body().contains("secret-registration-token"));

            HttpResponse<String> elsewhere = new Browser().get(BASE + "/lti/register?openid_configuration="
                    + URLEncoder.encode("https://moodle.elsewhere.example/openid", StandardCharsets.UTF_8));
            assertEquals(403, elsewhere.statusCode(), "only listed origins (or, unlisted, this machine) in development");
            assertTrue(elsewhere.body().contains("ORIGIN_NOT_ALLOWED"));
        } finally {
            platform.stop(0);
            foreign.stop(0);
        }
    }

    // --- 8. Production start-up checks and the embedded database ---------------------------------------------------

    @Test
    void productionRefusesToStartWithHttpAShortAdminSecretAndExampleSecrets() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "production-refusal");
        ProcessBuilder payara = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + root.toAbsolutePath(),
                "-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("it.war"), "--contextroot", "/",
                "--nocluster", "--port", String.valueOf(freePort()), "--rootdir", root.resolve("payara").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("out.log").toFile());
        Map<String, String> env = payara.environment();
        env.put("WORKBENCH_PROFILE", "production");
        env.put("WORKBENCH_BASE_URL", "http://workbench.university.edu");
        env.put("WORKBENCH_ADMIN_SECRET", "admin");
        env.put("WORKBENCH_KEY_ENCRYPTION_SECRET", "replace-with-32-random-bytes-base64");
        // The real database: the persistence unit connects while the application deploys, before any check can run.
        env.put("DB_URL", System.getProperty("it.db.url"));
        env.put("DB_USER", System.getProperty("it.db.user"));
        env.put("DB_PASSWORD", System.getProperty("it.db.password"));
        Process process = payara.start();
        try {
            assertTrue(process.waitFor(240, TimeUnit.SECONDS), "the process ends by itself");
            String log = Files.readString(root.resolve("out.log"));
            assertEquals(78, process.exitValue(), log.substring(Math.max(0, log.length() - 3000)));
            assertTrue(log.contains("Refusing to start in production: WORKBENCH_BASE_URL must be the tool's public https address"), log);
            assertTrue(log.contains("Refusing to start in production: WORKBENCH_ADMIN_SECRET is shorter than 16 characters"));
            assertTrue(log.contains("Refusing to start in production: WORKBENCH_KEY_ENCRYPTION_SECRET is the placeholder"));
            assertFalse(log.contains("Schema at version"), "the schema is not migrated by a tool that will not start");
            assertFalse(log.contains("replace-with-"), "the log never repeats a secret");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theEmbeddedDatabaseLetsInOnlyTheToolsUserWithItsPassword() {
        String port = System.getProperty("it.db.embeddedPort", "");
        if (port.isBlank() || port.startsWith("$")) {
            return; // an external database (DB_URL) is the operator's
        }
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/workbench";
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", "").close(), "no open root");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "anyone", "").close(), "no anonymous login");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "workbench", "wrong").close());
        try {
            DriverManager.getConnection(url, "workbench", System.getProperty("it.db.password")).close();
        } catch (SQLException e) {
            fail("the tool's own user connects: " + e.getMessage());
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private interface Claims {
        void change(Map<String, Object> claims);
    }

    /** A resource link launch from the test platform, its claims changed as the test says. */
    private static HttpResponse<String> lmsLaunch(Claims change) throws Exception {
        return lmsMessage("LtiResourceLinkRequest", claims -> {
            claims.put("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "hardening-link"));
            change.change(claims);
        });
    }

    private static HttpResponse<String> lmsDeepLinking(String returnUrl) throws Exception {
        return lmsMessage("LtiDeepLinkingRequest", claims -> claims.put(
                "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
                Map.of("deep_link_return_url", returnUrl, "accept_types", List.of("ltiResourceLink"), "accept_multiple", true)));
    }

    private static HttpResponse<String> lmsMessage(String type, Claims change) throws Exception {
        Browser browser = new Browser();
        return browser.post(BASE + "/lti/launch", lmsForm(browser, type, change));
    }

    /** The form a browser would post for this launch, without posting it. */
    private static Map<String, String> lmsLaunchForm(Claims change) throws Exception {
        return lmsForm(new Browser(), "LtiResourceLinkRequest", claims -> {
            claims.put("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "hardening-link"));
            change.change(claims);
        });
    }

    private static Map<String, String> lmsForm(Browser browser, String type, Claims change) throws Exception {
        registerTheTestPlatform();
        Map<String, String> login = new LinkedHashMap<>();
        login.put("iss", LMS);
        login.put("login_hint", "hardening-instructor");
        login.put("target_link_uri", BASE + "/");
        login.put("client_id", CLIENT);
        login.put("lti_deployment_id", "1");
        HttpResponse<String> started = browser.post(BASE + "/lti/login", login);
        assertEquals(303, started.statusCode(), started.body());
        Map<String, String> auth = Browser.query(URI.create(started.headers().firstValue("Location").orElseThrow()));
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", LMS);
        claims.put("aud", CLIENT);
        claims.put("sub", "hardening-instructor");
        claims.put("name", "Hardening Instructor");
        claims.put("nonce", auth.get("nonce"));
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("https://purl.imsglobal.org/spec/lti/claim/message_type", type);
        claims.put("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "1");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", BASE + "/");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
        claims.put("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "hardening-course", "title", "Hardening"));
        change.change(claims);
        return Map.of("id_token", lms.sign(claims), "state", auth.get("state"));
    }

    private static String sessionToken(String member) throws Exception {
        HttpResponse<String> home = EmulatorLaunch.launch(new Browser(), member, "resource-link");
        assertEquals(200, home.statusCode(), home.body());
        return bearer(home.body());
    }

    private static String adminToken(Browser admin, String forwardedFor) throws Exception {
        HttpResponse<String> signedIn = forwardedFor == null
                ? admin.post(BASE + "/admin/session", Map.of("secret", ADMIN_SECRET))
                : admin.post(BASE + "/admin/session", Map.of("secret", ADMIN_SECRET), "X-Forwarded-For", forwardedFor);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return bearer(signedIn.body());
    }

    private static String bearer(String page) {
        Matcher m = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)").matcher(Browser.unescape(page));
        assertTrue(m.find(), "the page carries its token");
        return m.group(1);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What is wrong with an answer to a malformed request, or null when it is the tool's own small answer. */
    private static String problem(HttpResponse<String> answer) {
        if (answer.statusCode() >= 500) {
            return "HTTP " + answer.statusCode() + " " + head(answer.body());
        }
        Matcher server = SERVER_WORDS.matcher(answer.body());
        if (server.find() && !answer.uri().getPath().startsWith("/static/")) {
            return "the body says '" + server.group() + "': " + head(answer.body());
        }
        if (answer.headers().firstValue("Server").isPresent() || answer.headers().firstValue("X-Powered-By").isPresent()) {
            return "a header names the server";
        }
        // The one answer without the tool's headers: a request line the container refuses before any application
        // sees it (an encoded slash), answered 400 with an empty body.
        if (answer.statusCode() >= 400 && !answer.body().isEmpty()
                && answer.headers().firstValue("X-Content-Type-Options").isEmpty()) {
            return "HTTP " + answer.statusCode() + " without the tool's security headers";
        }
        return null;
    }

    private static void assertOwnAnswer(HttpResponse<String> answer, String what) {
        assertTrue(answer.headers().firstValue("Content-Security-Policy").isPresent(), what + ": the tool's headers");
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertFalse(SERVER_WORDS.matcher(answer.body()).find(), what + ": " + answer.body());
    }

    private static void assertRefused(HttpResponse<String> page, int status, String rule) {
        assertEquals(status, page.statusCode(), page.body());
        assertTrue(page.body().contains("<code id=\"rule\">" + rule + "</code>"), "names rule " + rule + ": " + page.body());
    }

    private static String csp(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Security-Policy").orElse("");
    }

    private static String frameAncestors(HttpResponse<?> answer) {
        Matcher m = Pattern.compile("frame-ancestors ([^;]+)").matcher(csp(answer));
        assertTrue(m.find(), csp(answer));
        return m.group(1);
    }

    /** A request written on the socket as given, then whatever the server answers within 10 seconds. */
    private static String raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(System.getProperty("it.http.port")))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may close before it took the rest: that is the point
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("</html>") || answer.toString(StandardCharsets.UTF_8).endsWith("}")) {
                        break;
                    }
                }
            } catch (IOException timeoutOrReset) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String head(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
