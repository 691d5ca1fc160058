package org.organizingworkbench.coaching;

import org.organizingworkbench.curriculum.LocalizedText;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An exercise's rubric: criteria each judged on the same levels (curriculum data, in every language). */
public record Rubric(List<Level> levels, List<Criterion> criteria) {

    public record Level(String id, LocalizedText label) {
    }

    public record Criterion(String id, LocalizedText title) {
    }

    /** The chosen levels kept only where both criterion and level exist: what a form sends is never trusted. */
    public Map<String, String> valid(Map<String, String> chosen) {
        return chosen.entrySet().stream()
                .filter(e -> criteria.stream().anyMatch(c -> c.id().equals(e.getKey())))
                .filter(e -> levels.stream().anyMatch(l -> l.id().equals(e.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }
}
