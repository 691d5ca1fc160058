package org.organizingworkbench.web.workbook;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.workbook.AnswerText;
import org.organizingworkbench.workbook.Revision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer's history as a reader compares it: each revision with what it added and removed against the one
 * before, word by word (java-diff-utils on the plain text).
 */
public final class RevisionComparison {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    /** A run of text that is the same, added or removed. */
    public record Segment(String kind, String text) {
    }

    /** One revision with its text and its changes against the previous revision. */
    public record Entry(Revision revision, String text, List<Segment> changes, int added, int removed) {
    }

    private RevisionComparison() {
    }

    /** @param newestFirst the revisions as {@code Workbooks.history} returns them */
    public static List<Entry> of(List<Revision> newestFirst, Field field, String language, String fallback) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            String text = AnswerText.of(field, newestFirst.get(i).value(), language, fallback);
            String previous = i + 1 < newestFirst.size()
                    ? AnswerText.of(field, newestFirst.get(i + 1).value(), language, fallback) : "";
            entries.add(entry(newestFirst.get(i), previous, text));
        }
        return entries;
    }

    static Entry entry(Revision revision, String before, String after) {
        List<String> old = tokens(before);
        List<String> now = tokens(after);
        Patch<String> patch = DiffUtils.diff(old, now);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            append(segments, "same", old.subList(position, delta.getSource().getPosition()));
            append(segments, "removed", delta.getSource().getLines());
            append(segments, "added", delta.getTarget().getLines());
            removed += words(delta.getSource().getLines());
            added += words(delta.getTarget().getLines());
            position = delta.getSource().getPosition() + delta.getSource().size();
        }
        append(segments, "same", old.subList(position, old.size()));
        return new Entry(revision, after, segments, added, removed);
    }

    private static void append(List<Segment> segments, String kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind().equals(kind)) {
            Segment last = segments.remove(segments.size() - 1);
            text = last.text() + text;
        }
        segments.add(new Segment(kind, text));
    }

    private static int words(List<String> tokens) {
        return (int) tokens.stream().filter(t -> !t.isBlank()).count();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
