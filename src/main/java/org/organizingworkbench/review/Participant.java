package org.organizingworkbench.review;

/**
 * A student who submitted the round's exercise, as the allocation sees them.
 *
 * @param group    their section (0: none)
 * @param arrival  their place in the order of submission (0 first); ties are broken by id
 * @param reviews  whether they are given work to review (false once excused)
 * @param missed   whether they let a review pass its deadline in this round: they are asked last
 */
public record Participant(long id, long group, int arrival, boolean reviews, boolean missed) {
}
