package org.organizingworkbench.lti;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Due dates as the LMS reads them: a content item's submission window and a line item's endDateTime. */
class DueDateFieldsTest {

    private static final Instant DUE = Instant.parse("2027-03-02T11:59:59Z");

    @Test
    void aDueContentItemCarriesItsSubmissionEnd() {
        ContentItem item = ContentItem.ltiResourceLink("Module 1 · Story of self", null, "https://tool.example/",
                Map.of("exercise", "story-of-self"), new ContentItem.LineItem("Module 1 · Story of self", 25, "story-of-self", "workbench"))
                .dueAt(DUE);
        assertEquals(Map.of("endDateTime", "2027-03-02T11:59:59Z"), item.toJson().get("submission"));
        assertFalse(ContentItem.ltiResourceLink("x", null, null, Map.of(), null).toJson().containsKey("submission"));
    }

    @Test
    void aLineItemsEndDateTimeIsReadAndReplacedKeepingEverythingElse() {
        LineItem read = LineItem.fromJson(Map.of("id", "https://lms.example/li/1", "label", "Module 1 · Story of self",
                "scoreMaximum", 25, "resourceId", "story-of-self", "endDateTime", "2027-03-01T11:59:59+00:00",
                "https://canvas.instructure.com/lti/submission_type", Map.of("type", "external_tool")));
        assertEquals(Instant.parse("2027-03-01T11:59:59Z"), read.endDateTime().orElseThrow());
        LineItem moved = read.withEndDateTime(DUE);
        assertEquals("2027-03-02T11:59:59Z", moved.toJson().get("endDateTime"));
        assertEquals(25.0, ((Number) moved.toJson().get("scoreMaximum")).doubleValue());
        assertTrue(moved.toJson().containsKey("https://canvas.instructure.com/lti/submission_type"), "extensions kept");
        assertFalse(read.withEndDateTime(null).toJson().containsKey("endDateTime"));
        assertTrue(LineItem.fromJson(Map.of("label", "x", "scoreMaximum", 1, "endDateTime", "soon")).endDateTime().isEmpty());
    }
}
