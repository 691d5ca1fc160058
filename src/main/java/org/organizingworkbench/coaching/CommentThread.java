package org.organizingworkbench.coaching;

import java.util.List;

/**
 * A comment on a passage with its replies, placed in the entry as it is now.
 *
 * @param span where the passage is now; null when the student's text no longer has it (an earlier version)
 */
public record CommentThread(PassageComment first, List<PassageComment> replies, PassageAnchor.Span span) {

    public CommentThread {
        replies = List.copyOf(replies);
    }

    public boolean resolved() {
        return first.resolvedAt() != null;
    }

    public boolean earlierVersion() {
        return span == null;
    }
}
