package org.organizingworkbench.web.curriculum;

/**
 * What every page of the curriculum editor carries: the session header htmx sends back, the version the page was
 * built on ({@code version} its number, {@code base} its id, which a save names so that a moved pin is refused), and
 * the notice of the last action.
 */
public record EditorFrame(String authHeaders, int version, long base, CurriculumEditorPages.Notice notice) {
}
