package org.organizingworkbench.workbook;

import java.time.Instant;

/** What became of a save: kept as a new revision, or refused because it was based on an older revision. */
public sealed interface SaveOutcome {

    /** The value is now the answer's latest revision. */
    record Saved(int revision, Instant savedAt) implements SaveOutcome {
    }

    /**
     * Someone (another tab, another device) saved a newer revision since the one this save was based on; nothing
     * was overwritten. The caller shows both texts and lets the student choose.
     */
    record Conflict(Answer current) implements SaveOutcome {
    }
}
