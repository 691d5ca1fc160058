package org.organizingworkbench.privacy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionRuleTest {

    private static final RetentionRule RULE = new RetentionRule(Duration.ofDays(730), Duration.ofDays(30));
    private static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

    @Test
    void anActiveCourseIsLeftAlone() {
        assertEquals(RetentionRule.Step.NONE, RULE.step(NOW.minus(Duration.ofDays(100)), null, NOW));
    }

    @Test
    void aCourseWithinTheNoticeOfItsEndGetsANoticeNotADeletion() {
        assertEquals(RetentionRule.Step.START_NOTICE, RULE.step(NOW.minus(Duration.ofDays(710)), null, NOW));
        assertEquals(RetentionRule.Step.START_NOTICE, RULE.step(NOW.minus(Duration.ofDays(2000)), null, NOW),
                "even long past its period, a course is never deleted without a notice first");
    }

    @Test
    void itIsDeletedOnlyOnceTheWholeNoticeHasRun() {
        Instant last = NOW.minus(Duration.ofDays(2000));
        assertEquals(RetentionRule.Step.NONE, RULE.step(last, NOW.minus(Duration.ofDays(29)), NOW));
        assertEquals(RetentionRule.Step.DELETE, RULE.step(last, NOW.minus(Duration.ofDays(30)), NOW));
        assertEquals(NOW.minus(Duration.ofDays(29)).plus(Duration.ofDays(30)),
                RULE.deletionDate(last, NOW.minus(Duration.ofDays(29))));
    }

    @Test
    void newWorkWithdrawsTheNotice() {
        assertEquals(RetentionRule.Step.WITHDRAW_NOTICE, RULE.step(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(5)), NOW));
    }

    @Test
    void zeroDaysKeepsCoursesForEver() {
        RetentionRule never = new RetentionRule(Duration.ZERO, Duration.ofDays(30));
        assertEquals(RetentionRule.Step.NONE, never.step(NOW.minus(Duration.ofDays(9000)), null, NOW));
        assertEquals(RetentionRule.Step.WITHDRAW_NOTICE, never.step(NOW.minus(Duration.ofDays(9000)), NOW, NOW));
    }
}
