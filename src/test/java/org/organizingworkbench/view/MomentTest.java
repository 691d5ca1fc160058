package org.organizingworkbench.view;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MomentTest {

    private static final Instant NIGHT = Instant.parse("2026-12-06T03:37:00Z");
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void aMomentIsTheDayInFullAndA24HourClockInTheReadersZoneAndLanguage() {
        assertEquals("December 5, 2026, 19:37", Moment.text(NIGHT, ZoneId.of("America/Los_Angeles"), Locale.ENGLISH));
        assertEquals("6 de diciembre de 2026, 09:07", Moment.text(NIGHT, ZoneId.of("Asia/Kolkata"), SPANISH));
    }

    @Test
    void aDayIsWrittenTheSameWayWithoutAZone() {
        assertEquals("February 15, 2027", Moment.day(LocalDate.of(2027, 2, 15), Locale.ENGLISH));
        assertEquals("<time datetime=\"2027-02-15\" data-when=\"day\">15 de febrero de 2027</time>",
                Moment.html(LocalDate.of(2027, 2, 15), SPANISH));
    }

    @Test
    void aPageCarriesTheMomentInUtcForItsScriptToRewrite() {
        assertEquals("<time datetime=\"2026-12-06T03:37:00Z\" data-when=\"moment\">December 6, 2026, 03:37 UTC</time>",
                Moment.html(NIGHT, Locale.ENGLISH));
    }

    @Test
    void aZoneTheBrowserNamesIsUsedAndNonsenseIsUtc() {
        assertEquals(ZoneId.of("America/Chicago"), Moment.zone("America/Chicago"));
        assertEquals(ZoneOffset.UTC, Moment.zone("Mars/Olympus"));
        assertEquals(ZoneOffset.UTC, Moment.zone(null));
        assertEquals(ZoneOffset.UTC, Moment.zone("x".repeat(100)));
    }
}
