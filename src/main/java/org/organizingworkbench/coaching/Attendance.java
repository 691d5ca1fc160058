package org.organizingworkbench.coaching;

/** Whether a student was at a section meeting. */
public enum Attendance {
    PRESENT, ABSENT, EXCUSED
}
