package org.organizingworkbench.coaching;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Three students of a section practising a skill: their seats fix the rotation ({@link TriadRole#of}), one round
 * every {@code roundDays} days from {@code startsOn}, {@code rounds} rounds in all; and what each recorded per round.
 */
public record Triad(long id, long sectionId, LocalDate startsOn, int roundDays, int rounds, List<Member> members,
                    List<Note> notes) {

    public Triad {
        members = List.copyOf(members);
        notes = List.copyOf(notes);
    }

    /** A student in a seat of the triad. */
    public record Member(int seat, long learnerId, String name) {
    }

    /** What a student recorded for a round (from 0): the feedback they received and the feedback they gave. */
    public record Note(int round, long learnerId, String received, String gave) {
    }

    /** The round (from 0) running on that day: the first before the start, the last after the end. */
    public int roundOn(LocalDate day) {
        long since = ChronoUnit.DAYS.between(startsOn, day);
        return (int) Math.max(0, Math.min(rounds - 1, since < 0 ? 0 : since / roundDays));
    }

    /** The first day of a round. */
    public LocalDate startOf(int round) {
        return startsOn.plusDays((long) round * roundDays);
    }

    public TriadRole roleOf(Member member, int round) {
        return TriadRole.of(member.seat(), round);
    }

    public Optional<Member> member(long learnerId) {
        return members.stream().filter(m -> m.learnerId() == learnerId).findFirst();
    }

    public Optional<Note> note(int round, long learnerId) {
        return notes.stream().filter(n -> n.round() == round && n.learnerId() == learnerId).findFirst();
    }
}
