package org.organizingworkbench.course;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an instructor may call a section. */
class SectionNameTest {

    @Test
    void spacesAroundAndInsideAreTidied() {
        assertEquals("Section A", new SectionName("  Section \t  A ").value());
    }

    @Test
    void aNameMustSaySomething() {
        assertEquals(SectionException.Problem.NAME_BLANK,
                assertThrows(SectionException.class, () -> new SectionName("   ")).problem());
        assertEquals(SectionException.Problem.NAME_BLANK,
                assertThrows(SectionException.class, () -> new SectionName(null)).problem());
    }

    @Test
    void aNameHasAtMostAHundredCharactersCountingAccentedLettersOnce() {
        assertEquals(100, new SectionName("é".repeat(100)).value().length());
        assertEquals(SectionException.Problem.NAME_TOO_LONG,
                assertThrows(SectionException.class, () -> new SectionName("x".repeat(101))).problem());
    }

    @Test
    void onlyNameProblemsAreTheInstructorsToFix() {
        assertEquals(true, SectionException.Problem.NAME_TAKEN.isTheNames());
        assertEquals(false, SectionException.Problem.NOT_ASSIGNABLE.isTheNames());
        assertEquals(false, SectionException.Problem.UNKNOWN_SECTION.isTheNames());
    }
}
