package org.organizingworkbench.access;

/** How far a course lets its Teaching Fellows see: their own sections (the default), or every student. */
public enum FellowScope {
    SECTIONS,
    COURSE
}
