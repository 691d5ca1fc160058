package org.organizingworkbench.coaching;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A commented passage is found again by its words as the student revises, or said to be gone. */
class PassageAnchorTest {

    private static final String TEXT = "I stood at the bus stop.\nThe driver would not wait. I chose to run.";

    @Test
    void theQuoteAtItsPlaceIsThePassage() {
        int at = PassageAnchor.normal(TEXT).indexOf("I chose to run");
        PassageAnchor.Span span = PassageAnchor.locate(TEXT, "I chose to run", at).orElseThrow();
        assertEquals(at, span.start());
        assertEquals(at + 14, span.end());
        assertFalse(span.moved());
    }

    @Test
    void aPassageTheStudentWroteBeforeIsFoundWhereItMoved() {
        int at = PassageAnchor.normal(TEXT).indexOf("I chose");
        String revised = "It was raining. " + TEXT;
        PassageAnchor.Span span = PassageAnchor.locate(revised, "I chose  to\nrun", at).orElseThrow();
        assertTrue(span.moved());
        assertEquals("I chose to run", PassageAnchor.normal(revised).substring(span.start(), span.end()));
    }

    @Test
    void ofTwoOccurrencesTheOneNearestItsOldPlaceWins() {
        String text = "run home. I chose to run home.";
        assertEquals(21, PassageAnchor.locate(text, "run home", 18).orElseThrow().start());
        assertEquals(0, PassageAnchor.locate(text, "run home", 2).orElseThrow().start());
    }

    @Test
    void aPassageRewrittenAwayRefersToAnEarlierVersion() {
        assertEquals(Optional.empty(), PassageAnchor.locate("I walked instead.", "I chose to run", 30));
        assertEquals(Optional.empty(), PassageAnchor.locate(TEXT, "   ", 0));
    }
}
