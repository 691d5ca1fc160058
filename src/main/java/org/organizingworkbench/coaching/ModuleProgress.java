package org.organizingworkbench.coaching;

import org.organizingworkbench.curriculum.Deadline;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Module;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's rules, as pure functions of what was read. A module's state is the furthest any of its visible
 * exercises got (not started → draft → submitted → reviewed: staff drafted feedback or commented on a passage →
 * coached: written feedback released → graded: a score released), except that a module with an exercise past its
 * due date and never submitted is LATE. A student needs attention when something is late, a draft has not moved for
 * {@link #QUIET} and was never submitted (stuck), or they did nothing at all for {@link #QUIET} (inactive).
 */
public final class ModuleProgress {

    public static final Duration QUIET = Duration.ofDays(7);

    private ModuleProgress() {
    }

    public static CellState state(Module module, Map<String, ExerciseFacts> facts, Instant now) {
        CellState furthest = CellState.NOT_STARTED;
        for (Exercise exercise : visible(module)) {
            ExerciseFacts f = facts.getOrDefault(exercise.id(), ExerciseFacts.NONE);
            if (f.lastSubmitted() == null && exercise.dueDate().map(d -> now.isAfter(Deadline.after(d))).orElse(false)) {
                return CellState.LATE;
            }
            CellState reached = of(f);
            if (reached.ordinal() > furthest.ordinal()) {
                furthest = reached;
            }
        }
        return furthest;
    }

    static CellState of(ExerciseFacts f) {
        if (f.feedbackReleased()) {
            return f.scored() ? CellState.GRADED : CellState.COACHED;
        }
        if (f.lastSubmitted() != null) {
            return f.feedbackDrafted() || f.comments() > 0 ? CellState.REVIEWED : CellState.SUBMITTED;
        }
        return f.lastSaved() != null ? CellState.DRAFT : CellState.NOT_STARTED;
    }

    public static Set<Attention> attention(List<CellState> cells, Map<String, ExerciseFacts> facts, Instant now) {
        Set<Attention> reasons = EnumSet.noneOf(Attention.class);
        if (cells.contains(CellState.LATE)) {
            reasons.add(Attention.LATE);
        }
        Instant quietSince = now.minus(QUIET);
        Instant last = facts.values().stream().map(ExerciseFacts::lastActivity).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        if (last == null || last.isBefore(quietSince)) {
            reasons.add(Attention.INACTIVE);
        } else if (facts.values().stream().anyMatch(f -> f.lastSubmitted() == null && f.lastSaved() != null
                && f.lastSaved().isBefore(quietSince))) {
            reasons.add(Attention.STUCK);
        }
        return reasons;
    }

    static List<Exercise> visible(Module module) {
        return module.exercises().stream().filter(e -> !e.hidden()).toList();
    }
}
