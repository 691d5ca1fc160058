package org.organizingworkbench.web.home;

import org.organizingworkbench.launch.Session;
import org.organizingworkbench.web.workbook.AnswerView;
import org.organizingworkbench.web.workbook.WorkbookPages;

import java.util.List;

/**
 * A member's home page (page {@code home}). The course's curriculum and modules when the session is in a course;
 * for instructors the course's privacy choices and any retention notice; for students who read their work, what is
 * due next and their first steps. What does not apply to the reader is null.
 */
public record HomeView(Session session, String role, String authHeaders, String curriculumTitle,
                       Integer curriculumVersion, List<HomePage.ModuleLine> modules, Boolean staffSeeMetNames,
                       String retentionDate, List<HomePage.ReadLine> reads, List<HomePage.Step> learnerSteps,
                       WorkbookPages.ExerciseLine upNext, AnswerView view) {
}
