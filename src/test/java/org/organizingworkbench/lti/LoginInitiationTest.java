package org.organizingworkbench.lti;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginInitiationTest {

    @Test
    void aParameterLongerThanTheToolTakesIsRefusedByName() {
        Map<String, String> login = Map.of("iss", "https://lms.example.edu", "login_hint", "x".repeat(5000),
                "target_link_uri", "https://tool.example.edu/");
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class, () -> LoginInitiation.from(login::get));
        assertEquals(LaunchRule.LOGIN_PARAMETERS, e.rule());
        assertTrue(e.detail().startsWith("login_hint has 5000 characters"), e.detail());
    }

    @Test
    void realisticParametersPass() throws LaunchRejectedException {
        Map<String, String> login = Map.of("iss", "https://lms.example.edu", "login_hint", "2",
                "target_link_uri", "https://tool.example.edu/", "lti_message_hint", "h".repeat(2048));
        assertEquals("2", LoginInitiation.from(login::get).loginHint());
    }
}
