package org.organizingworkbench.curriculum;

import java.time.LocalDateTime;

/**
 * A version a course may use, as its version list shows it.
 *
 * @param savedBy who in this course saved it; null for a version shipped with the tool (or a removed person)
 * @param savedAt when it was shipped, or first saved in this course
 */
public record CourseVersion(CurriculumVersion version, boolean inUse, Long savedBy, LocalDateTime savedAt) {
}
