package org.organizingworkbench.grading;

/**
 * An exercise placed in the LMS as a graded activity: the LMS's resource link and the line item bound to it.
 *
 * @param scoreMaximum the line item's maximum as the LMS listed it; null when not read from the LMS
 */
public record PlacedActivity(String linkId, String title, String lineItemUrl, Double scoreMaximum) {
}
