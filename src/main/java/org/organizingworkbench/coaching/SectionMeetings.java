package org.organizingworkbench.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.organizingworkbench.coaching.Feedbacks.named;
import static org.organizingworkbench.coaching.Feedbacks.number;

/**
 * A section's weekly meetings: the plan for each week and who attended. Callers have asked the access policy
 * whether the viewer may see the section; every method keeps to the course and section it is given, and attendance
 * is kept only for active students of that section.
 */
@ApplicationScoped
@Transactional
public class SectionMeetings {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Clock clock;

    /** Plans the meeting of that day (or changes its plan); false when the section is not of the course. */
    public boolean plan(long courseId, long sectionId, LocalDate heldOn, String plan, long by) {
        return em.createNativeQuery("INSERT INTO section_meeting (course_id, section_id, held_on, plan, created_by,"
                        + " created_at) SELECT course_id, id, ?1, ?2, ?3, ?4 FROM section WHERE id = ?5 AND course_id = ?6"
                        + " ON DUPLICATE KEY UPDATE plan = VALUES(plan)")
                .setParameter(1, Date.valueOf(heldOn)).setParameter(2, Feedbacks.text(plan)).setParameter(3, by)
                .setParameter(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).setParameter(5, sectionId)
                .setParameter(6, courseId).executeUpdate() > 0;
    }

    /**
     * Records attendance at a meeting of the section; marks for anyone not an active student of the section are
     * ignored.
     *
     * @return how many marks were kept; -1 when the meeting is not of this section
     */
    public int attend(long courseId, long sectionId, long meetingId, Map<Long, Attendance> marks) {
        if (em.createNativeQuery("SELECT id FROM section_meeting WHERE id = ?1 AND section_id = ?2 AND course_id = ?3")
                .setParameter(1, meetingId).setParameter(2, sectionId).setParameter(3, courseId).getResultList().isEmpty()) {
            return -1;
        }
        int kept = 0;
        for (Map.Entry<Long, Attendance> mark : marks.entrySet()) {
            kept += em.createNativeQuery("INSERT INTO meeting_attendance (meeting_id, learner_id, status) SELECT ?1, m.id, ?2"
                            + " FROM membership m JOIN section_member sm ON sm.membership_id = m.id AND sm.section_id = ?3"
                            + " WHERE m.id = ?4 AND m.role = 'LEARNER' AND m.active = TRUE"
                            + " ON DUPLICATE KEY UPDATE status = VALUES(status)")
                    .setParameter(1, meetingId).setParameter(2, mark.getValue().name()).setParameter(3, sectionId)
                    .setParameter(4, mark.getKey()).executeUpdate() > 0 ? 1 : 0;
        }
        return kept;
    }

    /** The section's active students and its meetings with attendance, newest first (four queries). */
    public SectionMeeting.Plan of(long courseId, long sectionId) {
        String name = (String) em.createNativeQuery("SELECT name FROM section WHERE id = ?1 AND course_id = ?2")
                .setParameter(1, sectionId).setParameter(2, courseId).getResultList().stream().findFirst().orElse("");
        List<SectionMeeting.Student> students = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT m.id, " + named("p") + " FROM section_member sm"
                        + " JOIN membership m ON m.id = sm.membership_id JOIN person p ON p.id = m.person_id"
                        + " JOIN section s ON s.id = sm.section_id WHERE sm.section_id = ?1 AND s.course_id = ?2"
                        + " AND m.role = 'LEARNER' AND m.active = TRUE ORDER BY 2, m.id")
                .setParameter(1, sectionId).setParameter(2, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            students.add(new SectionMeeting.Student(number(r[0]), (String) r[1]));
        }
        Map<Long, Map<Long, Attendance>> marks = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT a.meeting_id, a.learner_id, a.status FROM meeting_attendance a"
                        + " JOIN section_meeting sm ON sm.id = a.meeting_id WHERE sm.section_id = ?1 AND sm.course_id = ?2")
                .setParameter(1, sectionId).setParameter(2, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            marks.computeIfAbsent(number(r[0]), k -> new HashMap<>()).put(number(r[1]), Attendance.valueOf((String) r[2]));
        }
        Map<Long, SectionMeeting> meetings = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT id, held_on, plan FROM section_meeting WHERE section_id = ?1"
                        + " AND course_id = ?2 ORDER BY held_on DESC")
                .setParameter(1, sectionId).setParameter(2, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            long id = number(r[0]);
            meetings.put(id, new SectionMeeting(id, CoachingLog.date(r[1]), (String) r[2], marks.getOrDefault(id, Map.of())));
        }
        return new SectionMeeting.Plan(name, students, List.copyOf(meetings.values()));
    }
}
