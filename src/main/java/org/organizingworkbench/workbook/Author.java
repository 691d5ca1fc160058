package org.organizingworkbench.workbook;

/** The student whose workbook it is: their membership in the course, and their name as the LMS gave it. */
public record Author(long membershipId, long courseId, long personId, String name) {
}
