package org.organizingworkbench.web.workbook;

import java.util.List;

/**
 * A field's history (fragment {@code fragments/history}): its revisions newest first with what changed, the current
 * revision, and which revision the latest submission froze (null when never submitted).
 */
public record FieldHistory(WorkbookPages.FieldView field, List<RevisionComparison.Entry> entries, int current,
                           Integer submittedRevision, Integer submissionNumber, String exerciseId) {
}
