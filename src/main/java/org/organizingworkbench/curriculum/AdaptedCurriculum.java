package org.organizingworkbench.curriculum;

/**
 * What saving an edit did.
 *
 * @param version the version the course uses now
 * @param changed false when the content equals the version the course already used: nothing was stored or moved
 */
public record AdaptedCurriculum(CurriculumVersion version, boolean changed) {
}
