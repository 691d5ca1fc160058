package org.organizingworkbench.privacy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonNameTest {

    @Test
    void aPersonWithoutANameGetsAStableLabelWordedInThePagesLanguage() {
        String shown = PersonName.shown(null, 7, "user-42");
        assertTrue(PersonName.isLabel(shown));
        assertEquals(shown, PersonName.shown("  ", 7, "user-42"), "the same person, the same label");
        String code = PersonName.code(7, "user-42");
        assertEquals(6, code.length());
        assertEquals("<td>Participante " + code + "</td>", PersonName.worded("<td>" + shown + "</td>", "Participante {0}"));
        assertTrue(!code.equals(PersonName.code(8, "user-42")), "another platform's subject is another person");
    }

    @Test
    void theCodeIsTheStartOfSha256AsTheDatabaseComputesIt() {
        // SELECT LEFT(SHA2('7:user-42', 256), 6) in MariaDB
        assertEquals("634cc3", PersonName.code(7, "user-42"));
    }

    @Test
    void aNameKeepsItsTextButNeverTheMarker() {
        assertEquals("Amara Okafor", PersonName.shown(" Amara Okafor ", 1, "x"));
        assertEquals("Eve", PersonName.kept("\u2060Eve"));
        assertNull(PersonName.kept("\u2060"));
        assertEquals("no label here", PersonName.worded("no label here", "Participant {0}"));
    }
}
