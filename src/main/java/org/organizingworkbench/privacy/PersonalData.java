package org.organizingworkbench.privacy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What one domain package holds about people, for export, deletion and import. Each package that stores personal
 * data (course: people and memberships; workbook: answers, revisions, submissions; grading: grades and their
 * outbox; launch: login state; privacy: who read whose work; review; coaching; …) implements it for its own tables
 * as an {@code @ApplicationScoped} bean; {@link PersonalDataArchive}, {@link Erasure} and {@link ArchiveImport} find
 * every implementation through CDI ({@code Instance<PersonalData>}), so a new package joins by adding one class.
 *
 * <p>Rules for an implementation:
 * <ul>
 * <li>{@link #export} answers JSON that documents itself (field names in English, times ISO-8601 UTC) and refers to
 *     people by membership id only: the "people" part lists each membership with its platform subject and name, so
 *     the archive names a person once. Describe the part's shape in docs/privacy.md ("The archive").</li>
 * <li>{@link #count} and {@link #erase} cover the same rows: the admin's confirmation page shows the counts and the
 *     erasure must remove exactly what it promised. After {@link #erase} nothing of the scope's members may be left
 *     in the part's tables: no id, subject, name or text (an outbox row with a comment is deleted, not kept).</li>
 * <li>Content a member wrote <em>for others</em> (a peer review, a comment on someone's passage, a coaching note) is
 *     kept for its readers, but {@link #anonymiseAuthored} removes the author: the author column becomes NULL and any
 *     copy of their name becomes {@link #FORMER_MEMBER}. It runs before {@link #erase}, for a person's deletion.</li>
 * <li>All methods run inside the caller's transaction (the whole erasure or import is one).</li>
 * </ul>
 */
public interface PersonalData {

    /** What a deleted author's name becomes in content kept for others (shown as "a former participant"). */
    String FORMER_MEMBER = "[former participant]";

    /** The part's key in the archive ("workbook", "grades", "reviews", …), unique among parts. */
    String part();

    /**
     * Order among parts: exported and imported in ascending order, erased in descending order. The people part is 0
     * (its memberships exist before anything refers to them, and go last); others keep the default.
     */
    default int order() {
        return 100;
    }

    /** Everything this part holds about the scope, as JSON (an empty object when nothing). */
    JsonNode export(DataScope scope);

    /**
     * How many records of each kind {@link #erase} would remove: kind → count, in a stable order. Each kind is worded
     * on the confirmation page by the message key {@code privacy.kind.<kind>} (add it to your area's bundle).
     */
    Map<String, Long> count(DataScope scope);

    /** Keeps what the members wrote for others, without their identity (see the class comment). */
    default void anonymiseAuthored(DataScope.Members members) {
    }

    /** Deletes every record of the scope from this part's tables. */
    void erase(DataScope scope);

    /**
     * The latest time a member did something in the course that this part records (work saved or submitted, a grade,
     * a review, a coaching note); launches do not count. The retention period runs from the latest over all parts.
     */
    default java.util.Optional<java.time.Instant> lastActivity(long courseId) {
        return java.util.Optional.empty();
    }

    /**
     * Adds this part of an archive (as {@link #export} wrote it, possibly from another installation) to a course of
     * this one. Records of members the target does not map are skipped. Parts that cannot be imported do nothing.
     *
     * @return how many records were added
     */
    default int importPart(JsonNode part, ImportTarget target) {
        return 0;
    }
}
