package org.organizingworkbench.review;

/**
 * A reviewer given an author's piece. An inactive pairing (deadline missed, withdrawn by staff) no longer counts
 * towards the piece's reviews nor the reviewer's load, but the same two are never paired again in the round.
 */
public record Pairing(long reviewer, long author, boolean active) {

    public static Pairing of(long reviewer, long author) {
        return new Pairing(reviewer, author, true);
    }
}
