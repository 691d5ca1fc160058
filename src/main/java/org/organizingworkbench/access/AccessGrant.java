package org.organizingworkbench.access;

/**
 * A rule beyond the course roles that lets a viewer at someone's work: "assigned to review this submission",
 * "shared with me by my coach". A domain package contributes one as a CDI bean; {@link AccessPolicy} asks every
 * grant only after the role rules said no, so a grant can widen access but never narrow it. A grant must answer
 * from the database, and only for the exact work it covers (an exercise, not the whole workbook).
 */
public interface AccessGrant {

    boolean allows(Viewer viewer, Purpose purpose, StudentWork work);
}
