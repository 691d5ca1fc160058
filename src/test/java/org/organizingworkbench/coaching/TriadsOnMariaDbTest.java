package org.organizingworkbench.coaching;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.course.CourseRole.LEARNER;
import static org.organizingworkbench.course.CourseRole.TEACHING_ASSISTANT;

/** The triad planner against a real MariaDB: the rotation, who may sit in a triad, and who reads its records. */
class TriadsOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final LocalDate START = LocalDate.of(2026, 9, 7);

    private CourseWorld world;

    @BeforeEach
    void seed() {
        world = new CourseWorld(DB).course("c").member("c", "ana", LEARNER).member("c", "ben", LEARNER)
                .member("c", "cy", LEARNER).member("c", "dee", LEARNER).member("c", "eli", LEARNER)
                .member("c", "fay", TEACHING_ASSISTANT).member("c", "gus", TEACHING_ASSISTANT)
                .section("c", "A", "fay", "ana", "ben", "cy").section("c", "B", "gus", "dee", "eli");
    }

    @Test
    void eachStudentTakesEachRoleOnceInEveryThreeRoundsAndTheRoundFollowsTheCalendar() {
        long id = form("A", "ana", "ben", "cy").orElseThrow();
        Triad triad = triads(t -> t.ofSection(course(), world.section("A"))).get(0);
        assertEquals(id, triad.id());
        for (int from = 0; from < triad.rounds() - 2; from++) {
            for (Triad.Member m : triad.members()) {
                Set<TriadRole> roles = EnumSet.noneOf(TriadRole.class);
                for (int round = from; round < from + 3; round++) {
                    roles.add(triad.roleOf(m, round));
                }
                assertEquals(EnumSet.allOf(TriadRole.class), roles, m.name() + " from round " + from);
            }
            for (int round = from; round < from + 3; round++) {
                int r = round;
                assertEquals(3, triad.members().stream().map(m -> triad.roleOf(m, r)).distinct().count(),
                        "one coach, one coachee, one observer in round " + r);
            }
        }
        assertEquals(TriadRole.COACH, triad.roleOf(triad.member(world.member("ana")).orElseThrow(), 0));
        assertEquals(0, triad.roundOn(START.minusDays(3)));
        assertEquals(0, triad.roundOn(START.plusDays(13)));
        assertEquals(1, triad.roundOn(START.plusDays(14)));
        assertEquals(5, triad.roundOn(START.plusDays(400)), "the last round after the end");
        assertEquals(START.plusDays(28), triad.startOf(2));
    }

    @Test
    void onlyThreeDifferentActiveStudentsOfTheSectionFormATriadAndNobodySitsInTwo() {
        assertTrue(form("A", "ana", "ben", "dee").isEmpty(), "dee is in section B");
        assertTrue(form("A", "ana", "ben", "fay").isEmpty(), "fay is staff");
        assertTrue(form("A", "ana", "ana", "ben").isEmpty(), "three different students");
        assertTrue(form("A", "ana", "ben", "cy").isPresent());
        assertTrue(form("A", "cy", "ben", "ana").isEmpty(), "already in a triad of the section");
        OptionalLong otherCourse = triads(t -> t.form(course() + 100000, world.section("A"),
                List.of(world.member("ana"), world.member("ben"), world.member("cy")), START, 14, 6, world.member("fay")));
        assertTrue(otherCourse.isEmpty());
    }

    @Test
    void aStudentRecordsOnlyInTheirOwnTriadAndReadsOnlyItsRecords() {
        long a = form("A", "ana", "ben", "cy").orElseThrow();
        assertTrue(record("ana", a, 0, "Slow down at the choice"));
        assertTrue(record("ana", a, 0, "Slow down"), "changes it");
        assertFalse(record("dee", a, 0, "x"), "dee is not in the triad");
        assertFalse(record("ana", a, 6, "x"), "no seventh round");
        assertFalse(record("ana", a, -1, "x"));
        assertThrowsTooLong(a);

        Triad mine = triads(t -> t.of(course(), world.member("ben"))).orElseThrow();
        assertEquals(List.of(new Triad.Note(0, world.member("ana"), "Slow down", "Name the hope")), mine.notes());
        assertTrue(triads(t -> t.of(course(), world.member("dee"))).isEmpty(), "dee sits in no triad");
        assertTrue(triads(t -> t.of(course() + 100000, world.member("ana"))).isEmpty());
        assertTrue(triads(t -> t.ofSection(course(), world.section("B"))).isEmpty(), "section A's triad is not B's");
    }

    private boolean record(String who, long triad, int round, String received) {
        Boolean kept = triads(t -> t.record(course(), world.member(who), triad, round, received, "Name the hope"));
        return kept;
    }

    private void assertThrowsTooLong(long triad) {
        try {
            triads(t -> t.record(course(), world.member("ana"), triad, 1, "x".repeat(Feedbacks.MAX_TEXT + 1), null));
            throw new AssertionError("kept a record over the limit");
        } catch (InvalidFeedbackException expected) {
            assertEquals("tooLong", expected.reason());
        }
    }

    private OptionalLong form(String section, String... names) {
        List<Long> learners = java.util.Arrays.stream(names).map(world::member).toList();
        return triads(t -> t.form(course(), world.section(section), learners, START, 14, 6, world.member("fay")));
    }

    private long course() {
        return world.courseId("c");
    }

    private <T> T triads(Function<Triads, T> call) {
        return DB.inTransaction(em -> {
            Triads t = new Triads();
            t.em = em;
            t.clock = Clock.systemUTC();
            return call.apply(t);
        });
    }
}
