package org.organizingworkbench.web.curriculum;

import java.util.List;

/**
 * The editor's overview (page {@code curriculum-editor}): the modules and their exercises, the one to open
 * ({@code focus}), the course's languages and how many texts are out of date in one of them.
 */
public record EditorOverview(String curriculumTitle, List<CurriculumEditorPages.ModuleView> modules, String focus,
                             String courseLanguages, String mainLanguage, int outOfDate) {
}
