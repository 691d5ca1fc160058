package org.organizingworkbench.review;

/**
 * Who may review whose work in a round. The tool's groups are its sections (an instructor's own, see Sections): a
 * team is a section, so "within the team" and "within the section" are the same rule.
 */
public enum ReviewScope {
    /** Anyone in the course. */
    COURSE,
    /** Only members of the author's own section (students without a section review each other). */
    SECTION,
    /** Only members of another section than the author's: fresh eyes from outside one's own team. */
    OUTSIDE_SECTION;

    /** Whether a reviewer of {@code reviewerGroup} may review work by an author of {@code authorGroup} (0: none). */
    public boolean allows(long reviewerGroup, long authorGroup) {
        return switch (this) {
            case COURSE -> true;
            case SECTION -> reviewerGroup == authorGroup;
            case OUTSIDE_SECTION -> reviewerGroup != authorGroup;
        };
    }
}
