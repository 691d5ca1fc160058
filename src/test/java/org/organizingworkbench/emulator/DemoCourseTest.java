package org.organizingworkbench.emulator;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo course's planned sections: "Section A" and "Section B", each led by one Fellow with five students. */
class DemoCourseTest {

    private final DemoCourse course = DemoCourse.load();

    @Test
    void twoSectionsEachLedByAFellowWithFiveStudents() {
        assertEquals(List.of("Section A", "Section B"), course.sections().stream().map(DemoCourse.PlannedSection::name).toList());
        assertEquals(List.of("demo-ta-1", "demo-student-1", "demo-student-2", "demo-student-3", "demo-student-4",
                "demo-student-5"), course.sections().get(0).memberIds());
        for (DemoCourse.PlannedSection section : course.sections()) {
            assertEquals(1, section.memberIds().stream().filter(id -> role(id).equals("TEACHING_ASSISTANT")).count());
            assertEquals(5, section.memberIds().stream().filter(id -> role(id).equals("LEARNER")).count());
        }
    }

    @Test
    void everyStudentOfTheDemoCourseIsInExactlyOneSection() {
        Set<String> placed = new HashSet<>();
        course.sections().forEach(s -> s.memberIds().stream().filter(id -> role(id).equals("LEARNER"))
                .forEach(id -> assertTrue(placed.add(id), id + " is in two sections")));
        assertEquals(10, placed.size());
    }

    @Test
    void aBenchLoginHintTaNIsATeachingFellow() {
        assertEquals("TEACHING_ASSISTANT", DemoCourse.benchCourseFor("bench-c1-ta1").orElseThrow().members().get(0).role());
        assertEquals("LEARNER", DemoCourse.benchCourseFor("bench-c1-u1").orElseThrow().members().get(0).role());
        assertEquals("INSTRUCTOR", DemoCourse.benchCourseFor("bench-c1-instructor").orElseThrow().members().get(0).role());
    }

    private String role(String id) {
        return course.member(id).orElseThrow(() -> new AssertionError("no member " + id)).role();
    }
}
