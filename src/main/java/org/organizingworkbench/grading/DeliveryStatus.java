package org.organizingworkbench.grading;

/** Where an outbox row stands. */
public enum DeliveryStatus {
    /** Not yet accepted by the platform; the worker will (re)try it at next_attempt_at. */
    PENDING,
    /** The platform stored it. */
    SENT,
    /** The platform refused it for good; a person may resend it. */
    FAILED,
    /** A newer grade for the same user and line item was recorded first: this one is never sent. */
    SUPERSEDED
}
