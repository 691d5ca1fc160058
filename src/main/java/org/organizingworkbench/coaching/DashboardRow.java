package org.organizingworkbench.coaching;

import java.util.List;
import java.util.Set;

/**
 * One student on the section dashboard: their section, one state per module (in the curriculum's order), and why
 * they need attention, if they do.
 *
 * @param sectionName null when the student has no section yet
 */
public record DashboardRow(long learnerId, String name, Long sectionId, String sectionName, List<CellState> cells,
                           Set<Attention> attention) {

    public DashboardRow {
        cells = List.copyOf(cells);
        attention = Set.copyOf(attention);
    }

    public boolean needsAttention() {
        return !attention.isEmpty();
    }
}
