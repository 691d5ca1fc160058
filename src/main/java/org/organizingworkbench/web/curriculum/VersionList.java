package org.organizingworkbench.web.curriculum;

import java.util.List;

/** The course's curriculum versions, newest first (page {@code curriculum-versions}). */
public record VersionList(List<CurriculumEditorPages.VersionLine> versions) {
}
