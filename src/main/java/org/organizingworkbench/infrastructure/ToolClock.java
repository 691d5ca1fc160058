package org.organizingworkbench.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The time every service reads, so that a test can set it (due dates, sessions, grade delivery back-off) instead
 * of sleeping through it.
 */
@ApplicationScoped
public class ToolClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
