package org.organizingworkbench.curriculum;

/**
 * An edit was based on a version the course no longer uses: someone else moved the course's pin meanwhile. The
 * edit is refused rather than silently replacing their work.
 */
public class StaleVersionException extends RuntimeException {
    private final int inUse;

    public StaleVersionException(long basedOn, CurriculumVersion inUse) {
        super("Edit based on version row " + basedOn + " but the course now uses version " + inUse.version());
        this.inUse = inUse.version();
    }

    /** The number of the version the course uses now. */
    public int inUse() {
        return inUse;
    }
}
