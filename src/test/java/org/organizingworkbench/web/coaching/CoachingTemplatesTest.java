package org.organizingworkbench.web.coaching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.organizingworkbench.coaching.Feedback;
import org.organizingworkbench.coaching.SectionLead;
import org.organizingworkbench.view.Templates;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.web.coaching.CoachingViews.*;

/** Every coaching page and fragment renders from its page model, in English and Spanish, with no missing text. */
class CoachingTemplatesTest {

    private final Templates templates = new Templates();

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void everyPageRendersWithEveryText(String language) {
        Locale locale = Locale.forLanguageTag(language);
        Feedback feedback = new Feedback(1, 7, "story-of-self", 3L, "Jordan Lee", 17.0, 20.0, "Vivid <b>moment</b>",
                Map.of("choice", "strong"), 1, Instant.now(), Instant.now(), null,
                List.of(new Feedback.Reply(2, 7L, "Amara", "Thanks", Instant.now())));
        List<CriterionView> rubric = List.of(new CriterionView("choice", "The choice is clear",
                List.of(new LevelView("strong", "Strong", true)), "Strong"));
        List<ThreadView> threads = List.of(new ThreadView(5, "Challenge", "challenge of", "EARLIER", 2, null, "Where?",
                "2026-12-06 10:00 UTC", false, List.of(new ReplyView("Amara", "At home", "2026-12-06 10:01 UTC"))));
        for (boolean staff : new boolean[]{true, false}) {
            String html = templates.render("fragments/feedback", locale, new FeedbackView(staff, staff, 7, "Amara",
                    "story-of-self", "/app/coaching/learners/7/exercises/story-of-self/feedback", feedback, rubric, 20, 0,
                    1, "2026-12-06 10:00 UTC", List.of(new ReplyView(null, "Thanks", "2026-12-06 10:02 UTC")),
                    "releasedToLms", "quoteNotFound", threads, List.of(new FieldOption("challenge", "Challenge"))));
            assertClean(html);
            assertFalse(html.contains("<b>moment</b>"), "feedback is text, escaped");
            assertTrue(html.contains(staff ? " 20 (" : " 17 ") && !html.contains("20,0 (") && !html.contains("20.0 ("),
                    "scores as the reader writes numbers: " + html);
        }
        List<RowView> rows = List.of(new RowView(7, "Amara", "Section A", List.of("GRADED", "LATE", "NOT_STARTED",
                "DRAFT", "SUBMITTED", "REVIEWED", "COACHED"), List.of("LATE", "STUCK", "INACTIVE")));
        String dashboardHtml = templates.render("coaching-dashboard", locale, new DashboardView("{}", "INSTRUCTOR", true,
                List.of(new ModuleHead(0, "Overview")), rows, rows,
                List.of(new FollowUpLine(1, 7, "Amara", "Retell it", "2026-12-06", true)),
                List.of(new QueueLine(7, "Amara", "story-of-self", "My story of self", 2, "2026-12-06 10:00 UTC", true,
                        true, true)), List.of(new SectionLead(1, "Section A", List.of("Jordan Lee")),
                new SectionLead(2, "Section B", List.of())),
                List.of(new Distribution("Jordan Lee", 3, 80, 60, 95, List.of(0, 0, 1, 1, 1))),
                List.of(new NumbersLine(7, "Amara", "Section A", List.of(new ChartView("numbers-7-x", "Action plan",
                        "<svg role=\"img\" aria-labelledby=\"numbers-7-x-text\"></svg>",
                        List.of(new MeasureLine("Turnout <i>", "45", "60"), new MeasureLine("Calls", null, "10")))))),
                new PeerSetting(true, "peerCommentsOn")));
        assertClean(dashboardHtml);
        assertTrue(dashboardHtml.contains("Turnout &lt;i&gt;") && dashboardHtml.contains("peer-setting"), dashboardHtml);
        List<NoteView> notes = List.of(new NoteView(1, "Jordan Lee", "Observed", "HANDS", "Asked", "Retell it",
                "2026-12-06", false, true, false, "2026-12-06 10:00 UTC"));
        assertClean(templates.render("coaching-log", locale, new LogView("{}", "TEACHING_ASSISTANT", 7, "Amara", notes,
                List.of("HEART", "HANDS", "HEAD"), "noteAdded", "noteIncomplete")));
        assertClean(templates.render("fragments/coaching-notes", locale, new LogView(null, "TEACHING_ASSISTANT", 7,
                "Amara", notes, List.of("HEART"), null, null)));
        assertClean(templates.render("fragments/coaching-home", locale, new HomeView(true,
                List.of(new NewLine("story-of-self", "My story of self", "Jordan Lee", "2026-12-06 10:00 UTC")), notes,
                List.of(new OpenLine("story-of-self", "My story of self", 2)), 0, 0, null)));
        MeetingsView meetings = new MeetingsView("{}", "TEACHING_ASSISTANT", 1, "Section A", List.of(new MeetingView(3,
                "2026-12-07", "Triads", List.of(new AttendanceLine(7, "Amara", "PRESENT"), new AttendanceLine(8, "Ben", null)))),
                List.of("PRESENT", "ABSENT", "EXCUSED"), "2026-12-06", "attendanceSaved", "meetingDate");
        assertClean(templates.render("coaching-meetings", locale, meetings));
        assertClean(templates.render("fragments/coaching-meetings", locale, meetings));
        assertClean(templates.render("fragments/coaching-home", locale, new HomeView(false, List.of(), List.of(),
                List.of(), 3, 1, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theTriadPagesRenderEachRoundAndTheStudentsRole(String language) {
        Locale locale = Locale.forLanguageTag(language);
        TriadLine triad = new TriadLine(4, "Amara, Ben, Cy", "2026-12-07", 7, 2, List.of(
                new RoundLine(1, 0, "2026-12-07", false, List.of(new SeatLine(7, "Amara", "COACH", "Slow <b>down</b>", null),
                        new SeatLine(8, "Ben", "COACHEE", null, "Name the hope"), new SeatLine(9, null, "OBSERVER", null, null))),
                new RoundLine(2, 1, "2026-12-14", true, List.of(new SeatLine(7, "Amara", "OBSERVER", null, null),
                        new SeatLine(8, "Ben", "COACH", null, null), new SeatLine(9, null, "COACHEE", null, null)))));
        TriadsView view = new TriadsView("{}", "TEACHING_ASSISTANT", 1, "Section A",
                List.of(new StudentOption(7, "Amara"), new StudentOption(8, "Ben")), List.of(triad), "2026-12-06",
                "triadFormed", "triad");
        for (String template : List.of("coaching-triads", "fragments/coaching-triads")) {
            String html = templates.render(template, locale, view);
            assertClean(html);
            assertFalse(html.contains("<b>down</b>"), "records are text, escaped");
            assertTrue(html.contains(language.equals("es") ? "observador" : "observer"), html);
        }
        String home = templates.render("fragments/coaching-home", locale, new HomeView(true, List.of(), List.of(),
                List.of(), 0, 0, new MyTriad(triad, 1, "OBSERVER", "Good pacing", null)));
        assertClean(home);
        assertTrue(home.contains("/app/coaching/triads/4/rounds/1") && home.contains("Good pacing"), home);
        assertTrue(home.contains(language.equals("es") ? "eres observador" : "you are observer"), home);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void thePeerCommentFormAndTheInstructorsSwitchRender(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String form = templates.render("fragments/peer-comment", locale, new PeerCommentView(7, "story-of-self",
                List.of(new FieldOption("challenge", "Challenge")), "commented", "quoteNotFound"));
        assertClean(form);
        assertTrue(form.contains("/app/coaching/learners/7/exercises/story-of-self/peer-comments"), form);
        for (boolean allowed : new boolean[]{true, false}) {
            String setting = templates.render("fragments/peer-setting", locale, new PeerSetting(allowed, "peerCommentsOff"));
            assertClean(setting);
            assertTrue(setting.contains("value=\"" + !allowed + "\""), setting);
        }
    }

    private static void assertClean(String html) {
        assertFalse(html.contains("??"), html);
        assertTrue(html.length() > 100);
    }
}
