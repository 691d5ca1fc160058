package org.organizingworkbench.coaching;

/** Why a student is at the top of the dashboard. */
public enum Attention {
    /** An exercise is past its due date and not submitted. */
    LATE,
    /** A draft has not moved for a week and was never submitted. */
    STUCK,
    /** Nothing saved or submitted for a week (or ever). */
    INACTIVE
}
