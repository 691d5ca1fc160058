package org.organizingworkbench.coaching;

/** What the coach sees in the way, as the course teaches it. */
public enum Diagnosis {
    /** Motivation. */
    HEART,
    /** Skill or information. */
    HANDS,
    /** Strategy. */
    HEAD
}
