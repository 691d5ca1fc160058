package org.organizingworkbench.workbook;

import org.organizingworkbench.course.CourseRole;

/**
 * Who asks to read or write a workbook: their membership and role in the course they launched into. Built from
 * the verified session on every request; nothing the browser sends can change it.
 */
public record Reader(long courseId, long membershipId, CourseRole role) {
}
