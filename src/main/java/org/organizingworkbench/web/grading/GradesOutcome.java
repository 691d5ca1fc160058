package org.organizingworkbench.web.grading;

import org.organizingworkbench.grading.GradebookComparison;

import java.util.Map;

/**
 * What the last action on the grades did: a grade saved or refused for one person, or the LMS gradebook compared
 * (or not reachable). At most one is set.
 */
public record GradesOutcome(Long savedFor, Long invalidFor, Map<Long, GradebookComparison.Line> comparison,
                            String compareFailed) {

    static final GradesOutcome NONE = new GradesOutcome(null, null, null, null);

    static GradesOutcome saved(long personId) {
        return new GradesOutcome(personId, null, null, null);
    }

    static GradesOutcome invalid(long personId) {
        return new GradesOutcome(null, personId, null, null);
    }

    static GradesOutcome compared(Map<Long, GradebookComparison.Line> comparison) {
        return new GradesOutcome(null, null, comparison, null);
    }

    static GradesOutcome compareFailed(String reason) {
        return new GradesOutcome(null, null, null, reason);
    }
}
