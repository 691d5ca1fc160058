package org.organizingworkbench.coaching;

import java.time.Instant;

/**
 * A comment on a passage of one field of a student's entry, or a reply in its thread ({@code parentId} set).
 *
 * @param revision the field's revision the passage was quoted from
 * @param start    where the quote began in that revision's text (see {@link PassageAnchor})
 */
public record PassageComment(long id, Long parentId, String fieldId, int revision, String quote, int start,
                             Long authorId, String authorName, String body, Instant resolvedAt, Instant createdAt) {
}
