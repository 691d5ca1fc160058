package org.organizingworkbench.coaching;

import java.util.List;

/** The section dashboard: students needing attention first, then the rest, and the sections shown with their leads. */
public record Dashboard(List<DashboardRow> rows, List<SectionLead> sections) {

    public Dashboard {
        rows = List.copyOf(rows);
        sections = List.copyOf(sections);
    }

    public List<DashboardRow> needingAttention() {
        return rows.stream().filter(DashboardRow::needsAttention).toList();
    }
}
