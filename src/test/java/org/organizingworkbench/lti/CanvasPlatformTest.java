package org.organizingworkbench.lti;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which launches get Canvas's extensions: the product family decides, hosted Canvas issuers when it is missing. */
class CanvasPlatformTest {

    @Test
    void productFamilyCanvasIsCanvasWhateverTheIssuer() {
        assertTrue(CanvasPlatform.recognises("https://lms.university.example", "canvas"));
        assertTrue(CanvasPlatform.recognises("https://lms.university.example", " Canvas "));
    }

    @Test
    void anotherProductFamilyIsNotCanvasEvenOnAnInstructureIssuer() {
        assertFalse(CanvasPlatform.recognises("https://moodle.example.edu", "moodle"));
        assertFalse(CanvasPlatform.recognises("https://canvas.instructure.com", "organizing-workbench-emulator"));
    }

    @Test
    void withoutProductFamilyTheHostedCanvasIssuersCount() {
        assertTrue(CanvasPlatform.recognises("https://canvas.instructure.com", null));
        assertTrue(CanvasPlatform.recognises("https://canvas.test.instructure.com", ""));
        assertTrue(CanvasPlatform.recognises("https://canvas.beta.instructure.com", null));
        assertFalse(CanvasPlatform.recognises("https://canvas.instructure.com.evil.example", null));
        assertFalse(CanvasPlatform.recognises("http://canvas.instructure.com", null));
        assertFalse(CanvasPlatform.recognises("https://moodle.example.edu", null));
        assertFalse(CanvasPlatform.recognises("not a url", null));
    }
}
