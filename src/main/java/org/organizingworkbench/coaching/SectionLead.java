package org.organizingworkbench.coaching;

import java.util.List;

/** A section on the dashboard with the Teaching Fellows who lead it. */
public record SectionLead(long sectionId, String name, List<String> fellows) {

    public SectionLead {
        fellows = List.copyOf(fellows);
    }
}
