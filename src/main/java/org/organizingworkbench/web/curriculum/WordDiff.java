package org.organizingworkbench.web.curriculum;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Two texts of a curriculum compared word by word, as runs the page shows plain, struck out or underlined. */
public final class WordDiff {

    private static final Pattern WORD_OR_SPACE = Pattern.compile("\\s+|\\S+");

    /** A run of words: {@code same}, {@code removed} or {@code added}. */
    public record Run(String kind, String text) {
    }

    private WordDiff() {
    }

    public static List<Run> of(String before, String after) {
        List<String> old = words(before);
        List<String> now = words(after);
        List<Run> runs = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            add(runs, "same", old.subList(at, delta.getSource().getPosition()));
            add(runs, "removed", delta.getSource().getLines());
            add(runs, "added", delta.getTarget().getLines());
            at = delta.getSource().getPosition() + delta.getSource().size();
        }
        add(runs, "same", old.subList(at, old.size()));
        return runs;
    }

    private static void add(List<Run> runs, String kind, List<String> words) {
        if (!words.isEmpty()) {
            runs.add(new Run(kind, String.join("", words)));
        }
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD_OR_SPACE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
