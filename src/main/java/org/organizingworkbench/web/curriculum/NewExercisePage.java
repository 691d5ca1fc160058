package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.web.curriculum.CurriculumEditorPages.Notice;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form of a new exercise at the end of a module, as typed so far.
 *
 * @param typed what was typed, by text (title, prompt, guidance, label) and language
 * @param invalid the inputs a refused save is about ({@code title-es})
 * @param refused how many problems the refused save had; 0 before any save
 */
public record NewExercisePage(String authHeaders, int version, long base, Notice notice, String moduleId,
                              String moduleTitle, String kind, List<String> kinds,
                              Map<String, Map<String, String>> typed, List<String> languages,
                              Map<String, String> languageNames, Set<String> invalid, int refused) {
}
