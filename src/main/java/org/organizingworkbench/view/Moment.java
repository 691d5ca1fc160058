package org.organizingworkbench.view;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one way the tool writes a time or a day, for pages and documents alike: the day as the reader's language
 * writes it in full ("6 de diciembre de 2026", "December 6, 2026") and the time on a 24-hour clock ("03:37").
 * A page cannot know the reader's time zone (an LTI launch does not say it), so it carries the moment as a
 * {@code <time>} element written in UTC, which {@code static/app.js} rewrites in the browser's zone in the same
 * shape; a document the browser asked for gets the zone the browser named.
 */
public final class Moment {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private Moment() {
    }

    /** "December 6, 2026, 03:37" in {@code zone}. */
    public static String text(Instant instant, ZoneId zone, Locale locale) {
        var at = instant.atZone(zone);
        return day(at.toLocalDate(), locale) + ", " + CLOCK.format(at);
    }

    /** "December 6, 2026": a day has no time zone. */
    public static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    /** A moment for a page: a {@code <time>} element the page's script shows in the reader's zone. */
    public static String html(Instant instant, Locale locale) {
        return "<time datetime=\"" + instant.truncatedTo(ChronoUnit.SECONDS) + "\" data-when=\"moment\">"
                + text(instant, ZoneOffset.UTC, locale) + " UTC</time>";
    }

    /** A day for a page, as a {@code <time>} element the page's script writes in the same shape as moments. */
    public static String html(LocalDate day, Locale locale) {
        return "<time datetime=\"" + day + "\" data-when=\"day\">" + day(day, locale) + "</time>";
    }

    /** The zone a browser named (e.g. "America/Chicago"); UTC when it named none or nonsense. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
