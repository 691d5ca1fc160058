package org.organizingworkbench.coaching;

/** How far a student is with a module, as the section dashboard shows it (in this order of progress; LATE apart). */
public enum CellState {
    NOT_STARTED, DRAFT, SUBMITTED, REVIEWED, COACHED, GRADED, LATE
}
