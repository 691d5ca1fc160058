package org.organizingworkbench.grading;

import java.util.Locale;

/**
 * The kind of LMS gradebook a course's grades go to, for the rules that differ between platforms (LTI.md §3.3,
 * §3.4): which scores it keeps, and what it shows staff and learners. A platform the tool does not know gets the
 * strictest rules (Moodle's): a score is sent only as a finished grade.
 */
public enum GradebookFlavour {
    /** Moodle 4.3: keeps scoreGiven only with FullyGraded; a PendingManual score empties the grade. */
    MOODLE,
    /** Canvas: keeps scoreGiven with FullyGraded or PendingManual; PendingManual marks the result for review. */
    CANVAS,
    /** Any other LMS: treated like Moodle. */
    OTHER;

    /** @param canvas whether the platform is Canvas ({@code Platform.isCanvas}, which knows hosted issuers too) */
    public static GradebookFlavour of(boolean canvas, String productFamily) {
        if (canvas) {
            return CANVAS;
        }
        return productFamily != null && "moodle".equals(productFamily.strip().toLowerCase(Locale.ROOT)) ? MOODLE : OTHER;
    }

    /** Whether a score sent with PendingManual is kept as the grade (rather than dropped or emptied). */
    public boolean keepsScoreWhilePending() {
        return this == CANVAS;
    }
}
