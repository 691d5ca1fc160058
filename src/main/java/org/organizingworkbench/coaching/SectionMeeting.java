package org.organizingworkbench.coaching;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A section's weekly meeting: its date, the plan, and each student's attendance (students not marked are absent
 * from the map).
 */
public record SectionMeeting(long id, LocalDate heldOn, String plan, Map<Long, Attendance> attendance) {

    public SectionMeeting {
        attendance = Map.copyOf(attendance);
    }

    /** A student of the section, as the meeting page lists them. */
    public record Student(long learnerId, String name) {
    }

    /** The section's students and its meetings, newest first. */
    public record Plan(String sectionName, List<Student> students, List<SectionMeeting> meetings) {

        public Plan {
            students = List.copyOf(students);
            meetings = List.copyOf(meetings);
        }
    }
}
