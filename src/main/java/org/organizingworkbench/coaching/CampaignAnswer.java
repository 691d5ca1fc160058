package org.organizingworkbench.coaching;

/** A student's current answer (stored JSON) to a field that holds campaign numbers. */
public record CampaignAnswer(long learnerId, String exerciseId, String fieldId, String value) {
}
