package org.organizingworkbench.course;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who has no section yet, and where a student is. */
class SectionsOverviewTest {

    private static final SectionMember FELLOW = new SectionMember(1, "Jordan Lee", CourseRole.TEACHING_ASSISTANT);
    private static final SectionMember AMARA = new SectionMember(2, "Amara Okafor", CourseRole.LEARNER);
    private static final SectionMember DIEGO = new SectionMember(3, "Diego Ramírez", CourseRole.LEARNER);
    private static final SectionMember HANNAH = new SectionMember(4, "Hannah Schmidt", CourseRole.LEARNER);

    @Test
    void studentsInNoSectionAreUnassignedInTheirOrder() {
        CourseSection a = new CourseSection(10, "Section A", List.of(FELLOW), List.of(DIEGO));
        SectionsOverview overview = new SectionsOverview(List.of(a), List.of(FELLOW), List.of(AMARA, DIEGO, HANNAH));
        assertEquals(List.of(AMARA, HANNAH), overview.unassigned());
        assertEquals("Section A", overview.sectionOf(3).orElseThrow().name());
        assertTrue(overview.sectionOf(2).isEmpty());
    }

    @Test
    void aSectionIncludesItsFellowsAndStudentsOnly() {
        CourseSection a = new CourseSection(10, "Section A", List.of(FELLOW), List.of(DIEGO));
        assertTrue(a.includes(1));
        assertTrue(a.includes(3));
        assertTrue(!a.includes(2));
    }

    @Test
    void withoutSectionsEveryStudentIsUnassigned() {
        SectionsOverview overview = new SectionsOverview(List.of(), List.of(FELLOW), List.of(AMARA, DIEGO));
        assertEquals(List.of(AMARA, DIEGO), overview.unassigned());
    }
}
