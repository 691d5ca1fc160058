package org.organizingworkbench.coaching;

/** A student's part in a round of triad skill practice. */
public enum TriadRole {
    COACH, COACHEE, OBSERVER;

    /** The role of the student in {@code seat} (0, 1 or 2) in {@code round} (from 0): each role once in any three rounds. */
    public static TriadRole of(int seat, int round) {
        return values()[Math.floorMod(seat + round, 3)];
    }
}
