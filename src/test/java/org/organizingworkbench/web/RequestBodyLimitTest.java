package org.organizingworkbench.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBodyLimitTest {

    @Test
    void eachEndpointTakesWhatItIsFor() {
        assertEquals(128 * 1024, RequestBodyLimit.of("POST", "lti/launch"), "an id_token of up to 64 KiB and the state");
        assertTrue(RequestBodyLimit.LAUNCH >= 3L * org.organizingworkbench.lti.IdTokenVerifier.MAX_TOKEN_LENGTH / 2,
                "an id_token somewhat over its limit is refused by its launch rule, not by the body limit");
        assertEquals(32 * 1024, RequestBodyLimit.of("POST", "lti/login"));
        assertEquals(4 * 1024, RequestBodyLimit.of("POST", "admin/session"));
        assertEquals(16 * 1024, RequestBodyLimit.of("POST", "admin/platforms"));
        assertEquals(64L * 1024 * 1024, RequestBodyLimit.of("POST", "admin/privacy/import"), "a course's archive");
        assertEquals(1024 * 1024, RequestBodyLimit.of("PUT", "app/workbook/exercises/m1-e1/fields/story"));
        assertEquals(256 * 1024, RequestBodyLimit.of("POST", "app/curriculum/exercises/m1-e1"));
        assertEquals(256 * 1024, RequestBodyLimit.of("POST", "app/sections/12/members"));
        assertEquals(64 * 1024, RequestBodyLimit.of("POST", "app/deep-link"));
        assertEquals(8 * 1024, RequestBodyLimit.of("POST", "export/workbook.pdf"));
        assertEquals(16 * 1024, RequestBodyLimit.of("GET", "lti/register"), "anything not named gets the default");
    }

    @Test
    void anAutosaveOfTheLongestTextFits() {
        long longestText = 250_000L * 3; // AnswerValue.MAX_TEXT characters, three UTF-8 bytes each
        assertTrue(RequestBodyLimit.AUTOSAVE > longestText + 1024);
    }

    @Test
    void theRefusalStatesTheLimitReadably() {
        assertEquals("128 KiB", RequestBodyLimit.shown(128 * 1024));
        assertEquals("1 MiB", RequestBodyLimit.shown(1024 * 1024));
        assertEquals("100 bytes", RequestBodyLimit.shown(100));
    }
}
