package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.web.curriculum.CurriculumEditorPages.Notice;

import java.util.List;
import java.util.Map;

/**
 * The course's languages as the instructor chooses them.
 *
 * @param current the course's languages, the main one first
 * @param offered every language the course may choose, by code, with its name in the reader's language
 */
public record LanguagesPage(String authHeaders, int version, long base, Notice notice, List<String> current,
                            Map<String, String> offered) {
}
