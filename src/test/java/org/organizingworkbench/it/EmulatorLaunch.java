package org.organizingworkbench.it;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launch from the development emulator, step by step as the browser makes it: the login initiation the LMS
 * sends, the emulator's authorization endpoint, the form it auto-posts back to the tool.
 */
final class EmulatorLaunch {

    static final String TOOL = "http://127.0.0.1:" + System.getProperty("it.http.port");
    static final String EMULATOR = "http://localhost:" + System.getProperty("it.http.port");

    private EmulatorLaunch() {
    }

    /** Which of the emulator's platforms a launch comes from: each has its own issuer, client, deployment and course. */
    enum Lms {
        MOODLE("/emulator", "workbench-emulator", "emulator-deployment-1", "demo-course-1"),
        CANVAS("/emulator/canvas", "workbench-emulator-canvas", "emulator-canvas-deployment-1", "demo-canvas-course-1");

        final String issuerPath;
        final String clientId;
        final String deploymentId;
        final String context;

        Lms(String issuerPath, String clientId, String deploymentId, String context) {
            this.issuerPath = issuerPath;
            this.clientId = clientId;
            this.deploymentId = deploymentId;
            this.context = context;
        }
    }

    /** @param messageHint "resource-link" or "deep-linking", as the emulator's buttons send */
    static Map<String, String> login(String user, String messageHint) {
        return login(Lms.MOODLE, user, messageHint);
    }

    static Map<String, String> login(Lms lms, String user, String messageHint) {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("iss", EMULATOR + lms.issuerPath);
        login.put("login_hint", user);
        login.put("target_link_uri", TOOL + "/");
        login.put("client_id", lms.clientId);
        login.put("lti_deployment_id", lms.deploymentId);
        login.put("lti_message_hint", messageHint);
        return login;
    }

    /** Login at the tool, then the emulator's authorization endpoint: the form the platform auto-posts. */
    static Map<String, String> platformAnswer(Browser browser, String user, String messageHint) throws Exception {
        return platformAnswer(browser, Lms.MOODLE, user, messageHint);
    }

    static Map<String, String> platformAnswer(Browser browser, Lms lms, String user, String messageHint) throws Exception {
        HttpResponse<String> login = browser.post(TOOL + "/lti/login", login(lms, user, messageHint));
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(EMULATOR + "/emulator/auth?"));
        HttpResponse<String> auth = browser.get(location);
        assertEquals(200, auth.statusCode(), auth.body());
        return Browser.formFields(auth.body());
    }

    /** The whole launch; returns the tool's answer to the auto-posted form. */
    static HttpResponse<String> launch(Browser browser, String user, String messageHint) throws Exception {
        return launch(browser, Lms.MOODLE, user, messageHint);
    }

    static HttpResponse<String> launch(Browser browser, Lms lms, String user, String messageHint) throws Exception {
        return browser.post(TOOL + "/lti/launch", platformAnswer(browser, lms, user, messageHint));
    }
}
