package org.organizingworkbench.access;

/** What a viewer wants to do with a student's work. */
public enum Purpose {
    /** Open it: the workbook, an exercise, its history, its print view or PDF. */
    READ,
    /** Change it: only its author ever may. */
    WRITE,
    /** Comment on it or give feedback. */
    COMMENT,
    /** Give it a grade that goes to the LMS. */
    GRADE
}
