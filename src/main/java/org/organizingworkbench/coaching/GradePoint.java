package org.organizingworkbench.coaching;

/** One given score as a fraction of its maximum, by whom: what the instructor's distributions are made of. */
public record GradePoint(Long graderId, String graderName, String exerciseId, double fraction) {
}
