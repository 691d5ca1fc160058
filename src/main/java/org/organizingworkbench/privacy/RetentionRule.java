package org.organizingworkbench.privacy;

import java.time.Duration;
import java.time.Instant;

/**
 * The retention period as a rule: a course is deleted {@code period} after its last activity, and never before its
 * instructors were told for a whole {@code notice}. The notice starts when the course comes within {@code notice} of
 * its deletion; activity after that withdraws it.
 */
public record RetentionRule(Duration period, Duration notice) {

    public enum Step { NONE, START_NOTICE, WITHDRAW_NOTICE, DELETE }

    /** A period of zero days keeps courses for ever. */
    public boolean enabled() {
        return !period.isZero() && !period.isNegative();
    }

    /**
     * @param noticeAt when the notice started; null when none runs
     */
    public Step step(Instant lastActivity, Instant noticeAt, Instant now) {
        if (!enabled()) {
            return noticeAt == null ? Step.NONE : Step.WITHDRAW_NOTICE;
        }
        Instant deleteAfter = lastActivity.plus(period);
        if (now.isBefore(deleteAfter.minus(notice))) {
            return noticeAt == null ? Step.NONE : Step.WITHDRAW_NOTICE;
        }
        if (noticeAt == null) {
            return Step.START_NOTICE;
        }
        return now.isBefore(deletionDate(lastActivity, noticeAt)) ? Step.NONE : Step.DELETE;
    }

    /** When a course whose notice started at {@code noticeAt} will be deleted. */
    public Instant deletionDate(Instant lastActivity, Instant noticeAt) {
        Instant afterPeriod = lastActivity.plus(period);
        Instant afterNotice = noticeAt.plus(notice);
        return afterPeriod.isAfter(afterNotice) ? afterPeriod : afterNotice;
    }
}
