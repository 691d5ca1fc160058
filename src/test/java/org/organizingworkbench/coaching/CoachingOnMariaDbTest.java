package org.organizingworkbench.coaching;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.access.FellowScope;
import org.organizingworkbench.access.LearnerScope;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.grading.GradebookFlavour;
import org.organizingworkbench.grading.Grades;
import org.organizingworkbench.grading.ScorePayloads;
import org.organizingworkbench.lti.Score;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.course.CourseRole.INSTRUCTOR;
import static org.organizingworkbench.course.CourseRole.LEARNER;
import static org.organizingworkbench.course.CourseRole.TEACHING_ASSISTANT;

/**
 * Section coaching against a real MariaDB (the middle tier): feedback released to the student and, with a score,
 * queued for the LMS as FullyGraded on the line item's scale; a regrade and a resubmission as each LMS gets them;
 * private notes never read for a student; the dashboard's states and the grading queue on seeded work.
 */
class CoachingOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final String LINE_ITEM = "https://lms.test/lineitems/story";
    private static final Curriculum CURRICULUM = CurriculumLoader.defaultCurriculum();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private CourseWorld world;
    private long link;

    @BeforeEach
    void seed() {
        world = new CourseWorld(DB).course("c").member("c", "ana", LEARNER).member("c", "ben", LEARNER)
                .member("c", "cy", LEARNER).member("c", "fay", TEACHING_ASSISTANT).member("c", "gus", TEACHING_ASSISTANT)
                .member("c", "ivan", INSTRUCTOR).section("c", "A", "fay", "ana", "ben").section("c", "B", "gus", "cy");
        link = DB.insert("INSERT INTO resource_link (course_id, link_id, title, lineitem_url, exercise_id, updated_at)"
                + " VALUES (?1, ?2, 'Module 2 · My story of self', ?3, 'story-of-self', ?4)", world.courseId("c"),
                "link-" + UUID.randomUUID(), LINE_ITEM, LocalDateTime.now(ZoneOffset.UTC));
    }

    @Test
    void releasedFeedbackReachesTheLmsAsFullyGradedOnTheLineItemsScaleAndADraftDoesNot() {
        submit("ana", "story-of-self", 1, now.minusSeconds(60));
        feedbacks(f -> f.save(course(), world.member("ana"), "story-of-self", world.member("fay"), 17.0, 20,
                "Your moment of choice is vivid.", Map.of("choice", "strong"), 1));
        assertEquals(0, deliveries(), "a draft stays in the tool");
        assertTrue(feedbacks(f -> f.of(course(), world.member("ana"), "story-of-self")).map(x -> !x.released()).orElseThrow());

        int told = feedbacks(f -> f.release(course(), world.member("ana"), "story-of-self"));
        assertEquals(1, told);
        Object[] row = latestDelivery();
        assertEquals(17.0, number(row[0]));
        assertEquals(20.0, number(row[1]));
        assertEquals("Completed FullyGraded", row[2] + " " + row[3]);
        Score moodle = payload(row, false);
        assertEquals(17.0, moodle.scoreGiven());
        assertEquals(20.0, moodle.scoreMaximum());
        assertEquals("Completed", moodle.activityProgress().jsonValue());
        assertEquals("FullyGraded", moodle.gradingProgress().jsonValue());
        assertEquals("Your moment of choice is vivid.", moodle.comment());
        Score canvas = payload(row, true);
        assertEquals(Boolean.FALSE, ((Map<?, ?>) canvas.extensions().get(Score.CANVAS_SUBMISSION)).get("new_submission"),
                "staff grading never opens a Canvas attempt");
        assertTrue(feedbacks(f -> f.of(course(), world.member("ana"), "story-of-self")).orElseThrow().unseen());
    }

    @Test
    void aRegradeIsHiddenUntilReleasedAgainAndThenSendsTheNewScore() {
        submit("ana", "story-of-self", 1, now.minusSeconds(60));
        feedbacks(f -> f.save(course(), world.member("ana"), "story-of-self", world.member("fay"), 12.0, 20, "ok", Map.of(), 1));
        feedbacks(f -> f.release(course(), world.member("ana"), "story-of-self"));
        feedbacks(f -> f.save(course(), world.member("ana"), "story-of-self", world.member("ivan"), 15.0, 20,
                "Adjusted to match the other sections.", Map.of(), 1));
        assertFalse(feedbacks(f -> f.of(course(), world.member("ana"), "story-of-self")).orElseThrow().released());
        assertEquals(12.0, number(latestDelivery()[0]), "the LMS keeps the released grade until the regrade is released");
        feedbacks(f -> f.release(course(), world.member("ana"), "story-of-self"));
        Object[] row = latestDelivery();
        assertEquals(15.0, number(row[0]));
        assertEquals("Completed FullyGraded", row[2] + " " + row[3]);
        assertEquals(2, deliveries());
    }

    @Test
    void aResubmissionNeverRemovesTheGradeAndWaitsInTheQueue() {
        submit("ana", "story-of-self", 1, now.minusSeconds(120));
        feedbacks(f -> f.save(course(), world.member("ana"), "story-of-self", world.member("fay"), 16.0, 20, "good", Map.of(), 1));
        feedbacks(f -> f.release(course(), world.member("ana"), "story-of-self"));
        assertTrue(queue(fellow("fay")).isEmpty(), "graded and released: nothing waits");

        Instant again = Instant.now().plusSeconds(5);
        submit("ana", "story-of-self", 2, again);
        long before = deliveries();
        DB.inTransaction(em -> ScorePayloads.submissionReported(em, course(), link, LINE_ITEM, world.person("ana"), again,
                GradebookFlavour.MOODLE));
        assertEquals(before, deliveries(), "Moodle is told nothing: a PendingManual would empty its grade");
        DB.inTransaction(em -> ScorePayloads.submissionReported(em, course(), link, LINE_ITEM, world.person("ana"), again,
                GradebookFlavour.CANVAS));
        Object[] row = latestDelivery();
        assertEquals(16.0, number(row[0]), "Canvas keeps the score with PendingManual");
        assertEquals("Submitted PendingManual", row[2] + " " + row[3]);
        Score canvas = payload(row, true);
        assertEquals(16.0, canvas.scoreGiven());
        assertEquals(20.0, canvas.scoreMaximum());

        List<WaitingWork> waiting = queue(fellow("fay"));
        assertEquals(1, waiting.size());
        assertTrue(waiting.get(0).resubmitted());
        assertEquals(2, waiting.get(0).number());
    }

    @Test
    void feedbackForAStudentWhoLeftIsReleasedInTheToolAndNothingGoesToTheLms() {
        feedbacks(f -> f.save(course(), world.member("ben"), "story-of-self", world.member("fay"), 10.0, 20, "ok", Map.of(), null));
        world.leaves("ben");
        feedbacks(f -> f.release(course(), world.member("ben"), "story-of-self"));
        assertEquals(0, deliveries(), "only learners are scored");
        assertTrue(feedbacks(f -> f.of(course(), world.member("ben"), "story-of-self")).orElseThrow().released());
    }

    @Test
    void privateNotesAreNeverReadForTheStudent() {
        long shared = log(l -> l.add(course(), world.member("ana"), world.member("fay"), new CoachingLog.Draft(
                "Told her story twice in section.", Diagnosis.HANDS, "Asked where the choice was.",
                "Rewrite the moment of choice", LocalDate.now(ZoneOffset.UTC), true)));
        log(l -> l.add(course(), world.member("ana"), world.member("fay"), new CoachingLog.Draft(
                "PRIVATE: seems discouraged", Diagnosis.HEART, null, null, null, false)));
        List<CoachingNote> studentReads = log(l -> l.of(course(), world.member("ana"), true));
        assertEquals(List.of(shared), studentReads.stream().map(CoachingNote::id).toList());
        assertTrue(studentReads.stream().noneMatch(n -> n.observation().contains("PRIVATE")));
        assertEquals(2, log(l -> l.of(course(), world.member("ana"), false)).size(), "staff read both");

        boolean bens = log(l -> l.confirm(course(), world.member("ben"), shared));
        assertFalse(bens, "not ben's note");
        boolean anas = log(l -> l.confirm(course(), world.member("ana"), shared));
        assertTrue(anas);
        List<FollowUp> due = log(l -> l.due(course(), LearnerScope.of(fellow("fay")).on("m"), LocalDate.now(ZoneOffset.UTC)));
        assertEquals(1, due.size());
        assertTrue(due.get(0).confirmed());
        assertTrue(log(l -> l.due(course(), LearnerScope.of(fellow("gus")).on("m"), LocalDate.now(ZoneOffset.UTC))).isEmpty(),
                "section B's Fellow sees nothing of section A");
    }

    @Test
    void theDashboardShowsEachModulesStateAndWhoNeedsAttention() {
        // ana: module 2 graded, module 1 draft (a week old: stuck); ben: module 2 submitted with a staff draft
        // (reviewed); cy (section B) never seen by fay.
        save("ana", "project-canvas", now.minus(java.time.Duration.ofDays(9)));
        save("ana", "story-of-self", now.minusSeconds(300));
        submit("ana", "story-of-self", 1, now.minusSeconds(200));
        feedbacks(f -> f.save(course(), world.member("ana"), "story-of-self", world.member("fay"), 18.0, 20, "x", Map.of(), 1));
        feedbacks(f -> f.release(course(), world.member("ana"), "story-of-self"));
        save("ben", "story-of-self", now.minusSeconds(300));
        submit("ben", "story-of-self", 1, now.minusSeconds(100));
        feedbacks(f -> f.save(course(), world.member("ben"), "story-of-self", world.member("fay"), null, 20, "draft", Map.of(), 1));
        save("ben", "learning-goals", now.minusSeconds(50));
        feedbacks(f -> f.save(course(), world.member("ben"), "learning-goals", world.member("fay"), null, 20, "Good goals", Map.of(), null));
        feedbacks(f -> f.release(course(), world.member("ben"), "learning-goals"));

        Dashboard fays = dashboard(fellow("fay"), false);
        assertEquals(Set.of("ana", "ben"), Set.copyOf(fays.rows().stream().map(DashboardRow::name).toList()));
        DashboardRow ana = row(fays, "ana");
        assertEquals(CellState.GRADED, ana.cells().get(2));
        assertEquals(CellState.DRAFT, ana.cells().get(1));
        assertEquals(CellState.NOT_STARTED, ana.cells().get(3));
        assertEquals(Set.of(Attention.STUCK), ana.attention());
        DashboardRow ben = row(fays, "ben");
        assertEquals(CellState.REVIEWED, ben.cells().get(2));
        assertEquals(CellState.COACHED, ben.cells().get(0));
        assertTrue(ben.attention().isEmpty());
        assertEquals("ana", fays.rows().get(0).name(), "who needs attention comes first");
        assertEquals(List.of("A"), fays.sections().stream().map(SectionLead::name).toList());

        Dashboard all = dashboard(instructor(), true);
        assertEquals(3, all.rows().size());
        assertEquals(Set.of(Attention.INACTIVE), row(all, "cy").attention());
        assertEquals(List.of(List.of("fay"), List.of("gus")), all.sections().stream().map(SectionLead::fellows).toList());
        assertEquals("B", row(all, "cy").sectionName());
    }

    @Test
    void aLateModuleIsLateWhateverElseHappened() {
        Map<String, ExerciseFacts> facts = Map.of("story-of-self", ExerciseFacts.NONE.saved(now));
        var module = CURRICULUM.modules().get(2);
        var withDue = new org.organizingworkbench.curriculum.Module(module.number(), module.id(), module.title(),
                module.summary(), module.exercises().stream().map(e -> e.id().equals("story-of-self")
                ? new org.organizingworkbench.curriculum.Exercise(e.id(), e.kind(), e.title(), e.prompt(), e.guidance(),
                e.example(), e.fields(), e.gradingHints(), e.graded(), e.points(), e.hidden(),
                LocalDate.now(ZoneOffset.UTC).minusDays(3), e.visual()) : e).toList());
        assertEquals(CellState.LATE, ModuleProgress.state(withDue, facts, now));
        assertEquals(CellState.DRAFT, ModuleProgress.state(module, facts, now));
    }

    @Test
    void aCommentStaysOnItsPassageThroughRevisionsOrSaysItRefersToAnEarlierVersion() {
        String first = "I stood at the bus stop. I chose to run.";
        long thread = comments(c -> c.comment(course(), world.member("ana"), "story-of-self", "choice", 1, first,
                "I chose to run", 24, world.member("fay"), "Where were you? Say what you felt."));
        boolean replied = comments(c -> c.reply(course(), world.member("ana"), "story-of-self", thread,
                world.member("ana"), "At the corner of Elm Street."));
        assertTrue(replied);
        boolean elsewhere = comments(c -> c.reply(course(), world.member("ben"), "story-of-self", thread,
                world.member("ben"), "not mine"));
        assertFalse(elsewhere, "a thread of another student's work is not found");

        CommentThread here = comments(c -> c.threads(course(), world.member("ana"), "story-of-self",
                Map.of("choice", first))).get(0);
        assertFalse(here.earlierVersion() || here.span().moved());
        assertEquals(1, here.replies().size());
        CommentThread moved = comments(c -> c.threads(course(), world.member("ana"), "story-of-self",
                Map.of("choice", "It rained. " + first))).get(0);
        assertTrue(moved.span().moved());
        CommentThread gone = comments(c -> c.threads(course(), world.member("ana"), "story-of-self",
                Map.of("choice", "I stood at the bus stop and waited."))).get(0);
        assertTrue(gone.earlierVersion());
        assertEquals(1, gone.first().revision());

        assertEquals(Map.of("story-of-self", 1L), comments(c -> c.openByExercise(world.member("ana"))));
        boolean resolved = comments(c -> c.resolve(course(), world.member("ana"), "story-of-self", thread, true));
        assertTrue(resolved);
        assertTrue(comments(c -> c.openByExercise(world.member("ana"))).isEmpty());
        assertEquals(CellState.REVIEWED, ModuleProgress.of(ExerciseFacts.NONE.submitted(now, false).commented(1)));
    }

    @Test
    void aStudentsArchiveHoldsNoPrivateNoteAndTheirErasureLeavesNothing() {
        log(l -> l.add(course(), world.member("ana"), world.member("fay"), new CoachingLog.Draft("PRIVATE-OBS",
                Diagnosis.HEART, null, null, null, false)));
        log(l -> l.add(course(), world.member("ana"), world.member("fay"), new CoachingLog.Draft("Shared obs",
                Diagnosis.HEAD, null, "Call two neighbours", null, true)));
        feedbacks(f -> f.save(course(), world.member("ana"), "story-of-self", world.member("fay"), null, 20,
                "UNRELEASED-DRAFT", Map.of(), null));
        org.organizingworkbench.privacy.DataScope.Members ana = new org.organizingworkbench.privacy.DataScope.Members(
                List.of(new org.organizingworkbench.privacy.DataScope.Member(world.member("ana"), world.person("ana"), course())));
        String archive = data(d -> d.export(ana).toString());
        assertTrue(archive.contains("Call two neighbours"), archive);
        assertFalse(archive.contains("PRIVATE-OBS") || archive.contains("UNRELEASED-DRAFT"), archive);
        assertTrue(data(d -> d.export(new org.organizingworkbench.privacy.DataScope.Course(course())).toString())
                .contains("PRIVATE-OBS"), "the course's own export keeps staff's notes");
        assertEquals(2L, data(d -> d.count(ana)).get("coachingNotes"));
        DB.run(em -> {
            CoachingData d = new CoachingData();
            d.em = em;
            d.erase(ana);
        });
        assertEquals(Map.of("feedback", 0L, "feedbackReplies", 0L, "coachingNotes", 0L, "passageComments", 0L,
                "meetingAttendance", 0L, "triadFeedback", 0L), data(d -> d.count(ana)));
    }

    private <T> T data(Function<CoachingData, T> call) {
        return DB.inTransaction(em -> {
            CoachingData d = new CoachingData();
            d.em = em;
            return call.apply(d);
        });
    }

    @Test
    void aSectionMeetingKeepsAttendanceOnlyForItsOwnStudents() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        boolean planned = meetings(m -> m.plan(course(), world.section("A"), monday, "Story of self in triads", world.member("fay")));
        assertTrue(planned);
        SectionMeeting.Plan plan = meetings(m -> m.of(course(), world.section("A")));
        assertEquals(List.of("ana", "ben"), plan.students().stream().map(SectionMeeting.Student::name).toList());
        long meeting = plan.meetings().get(0).id();
        int kept = meetings(m -> m.attend(course(), world.section("A"), meeting, Map.of(world.member("ana"), Attendance.PRESENT,
                world.member("ben"), Attendance.EXCUSED, world.member("cy"), Attendance.PRESENT)));
        assertEquals(2, kept, "cy is in section B");
        int elsewhere = meetings(m -> m.attend(course(), world.section("B"), meeting, Map.of(world.member("cy"), Attendance.PRESENT)));
        assertEquals(-1, elsewhere, "a meeting of section A is not section B's");
        assertEquals(Map.of(world.member("ana"), Attendance.PRESENT, world.member("ben"), Attendance.EXCUSED),
                meetings(m -> m.of(course(), world.section("A"))).meetings().get(0).attendance());
        boolean otherCourse = meetings(m -> m.plan(course() + 100000, world.section("A"), monday, "x", world.member("fay")));
        assertFalse(otherCourse);
    }

    private <T> T meetings(Function<SectionMeetings, T> call) {
        return DB.inTransaction(em -> {
            SectionMeetings m = new SectionMeetings();
            m.em = em;
            m.clock = Clock.systemUTC();
            return call.apply(m);
        });
    }

    @Test
    void twoHundredThreadsOnAFiveThousandWordEntryAreAllPlacedAfterARevision() {
        StringBuilder words = new StringBuilder();
        for (int w = 0; w < 5000; w++) {
            words.append("word").append(w).append(w % 12 == 11 ? "\n" : " ");
        }
        String text = words.toString();
        DB.run(em -> {
            for (int c = 0; c < 200; c++) {
                String quote = "word" + (c * 25) + " word" + (c * 25 + 1);
                CoachingForTests.comments(em).comment(course(), world.member("ana"), "story-of-self", "story", 1, text,
                        quote, PassageAnchor.normal(text).indexOf(quote), world.member("fay"), "Comment " + c);
            }
        });
        String revised = "A new first paragraph. " + text.substring(0, text.length() / 2) + "inserted words "
                + text.substring(text.length() / 2);
        List<CommentThread> threads = comments(c -> c.threads(course(), world.member("ana"), "story-of-self",
                Map.of("story", revised)));
        assertEquals(200, threads.size());
        assertTrue(threads.stream().noneMatch(CommentThread::earlierVersion));
        assertTrue(threads.stream().allMatch(t -> t.span().moved()), "every passage moved by the new first paragraph");
    }

    @Test
    void aQuoteThatIsNotInTheTextIsRefused() {
        try {
            comments(c -> c.comment(course(), world.member("ana"), "story-of-self", "choice", 1, "Some text.",
                    "other words", 0, world.member("fay"), "x"));
            throw new AssertionError("kept a comment on words the text does not have");
        } catch (InvalidFeedbackException e) {
            assertEquals("quoteNotFound", e.reason());
        }
    }

    private <T> T comments(Function<PassageComments, T> call) {
        return DB.inTransaction(em -> {
            PassageComments c = new PassageComments();
            c.em = em;
            c.clock = Clock.systemUTC();
            return call.apply(c);
        });
    }

    private DashboardRow row(Dashboard dashboard, String name) {
        return dashboard.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private Dashboard dashboard(Viewer viewer, boolean all) {
        return DB.inTransaction(em -> {
            SectionDashboard d = new SectionDashboard();
            d.em = em;
            d.clock = Clock.systemUTC();
            return d.of(course(), LearnerScope.of(viewer).on("m"), CURRICULUM, all);
        });
    }

    private List<WaitingWork> queue(Viewer viewer) {
        return feedbacks(f -> f.queue(course(), LearnerScope.of(viewer).on("m")));
    }

    private Viewer fellow(String name) {
        long section = name.equals("fay") ? world.section("A") : world.section("B");
        return new Viewer(world.person(name), course(), world.member(name), TEACHING_ASSISTANT, Set.of(section),
                FellowScope.SECTIONS);
    }

    private Viewer instructor() {
        return new Viewer(world.person("ivan"), course(), world.member("ivan"), INSTRUCTOR, Set.of(), FellowScope.SECTIONS);
    }

    private void save(String who, String exercise, Instant at) {
        DB.insert("INSERT INTO workbook_answer (course_id, author_id, exercise_id, field_id, revision, value, saved_at)"
                + " VALUES (?1, ?2, ?3, 'story', 1, '\"text\"', ?4)", course(), world.member(who), exercise, time(at));
    }

    private void submit(String who, String exercise, int number, Instant at) {
        DB.insert("INSERT INTO workbook_submission (course_id, author_id, exercise_id, number, revisions, submitted_at, late)"
                + " VALUES (?1, ?2, ?3, ?4, '{}', ?5, FALSE)", course(), world.member(who), exercise, number, time(at));
    }

    private long course() {
        return world.courseId("c");
    }

    private <T> T feedbacks(Function<Feedbacks, T> call) {
        return DB.inTransaction(em -> {
            Feedbacks f = CoachingForTests.feedbacks(em);
            f.clock = Clock.systemUTC();
            return call.apply(f);
        });
    }

    private <T> T log(Function<CoachingLog, T> call) {
        return DB.inTransaction(em -> {
            CoachingLog l = new CoachingLog();
            l.em = em;
            l.clock = Clock.systemUTC();
            return call.apply(l);
        });
    }

    private long deliveries() {
        return DB.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM grade_delivery d"
                + " JOIN grade g ON g.id = d.grade_id WHERE g.resource_link_id = ?1").setParameter(1, link)
                .getSingleResult()).longValue());
    }

    /** score_given, score_maximum, activity_progress, grading_progress, comment, user_id, submitted_at, id. */
    private Object[] latestDelivery() {
        return DB.inTransaction(em -> (Object[]) em.createNativeQuery("SELECT d.score_given, d.score_maximum,"
                        + " d.activity_progress, d.grading_progress, d.comment, d.user_id, d.submitted_at, d.id"
                        + " FROM grade_delivery d JOIN grade g ON g.id = d.grade_id WHERE g.resource_link_id = ?1"
                        + " ORDER BY d.id DESC LIMIT 1").setParameter(1, link).getSingleResult());
    }

    private static Score payload(Object[] row, boolean canvas) {
        return ScorePayloads.of(((Number) row[7]).longValue(), LINE_ITEM, (String) row[5],
                row[0] == null ? null : number(row[0]), number(row[1]), (String) row[4], (String) row[2], (String) row[3],
                Feedbacks.instant(row[6]), canvas);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static LocalDateTime time(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
