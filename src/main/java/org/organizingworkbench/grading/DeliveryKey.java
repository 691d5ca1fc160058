package org.organizingworkbench.grading;

/** Scores are ordered per user and line item: the platform keeps the newest by timestamp for this pair. */
public record DeliveryKey(String lineItemUrl, String userId) {
}
