package org.organizingworkbench.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places students who have no section so that sections end up as even as possible: each student, in the order
 * given, joins the section with the fewest students at that moment (the earlier section on a tie). Students already
 * placed stay where they are.
 */
public final class EvenSpread {

    private EvenSpread() {
    }

    /**
     * @param studentsPerSection how many students each section has now, in the order sections are shown
     * @param unassigned         the students to place, in the order they should be dealt
     * @return the section of each placed student; empty when there is no section
     */
    public static Map<Long, Long> plan(Map<Long, Integer> studentsPerSection, List<Long> unassigned) {
        Map<Long, Long> placement = new LinkedHashMap<>();
        if (studentsPerSection.isEmpty()) {
            return placement;
        }
        List<Long> sections = new ArrayList<>(studentsPerSection.keySet());
        Map<Long, Integer> sizes = new LinkedHashMap<>(studentsPerSection);
        for (Long student : unassigned) {
            Long smallest = sections.stream().reduce((a, b) -> sizes.get(b) < sizes.get(a) ? b : a).orElseThrow();
            placement.put(student, smallest);
            sizes.merge(smallest, 1, Integer::sum);
        }
        return placement;
    }
}
