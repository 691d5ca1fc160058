package org.organizingworkbench.web.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.access.AccessGrant;
import org.organizingworkbench.access.FellowScope;
import org.organizingworkbench.access.Purpose;
import org.organizingworkbench.access.StudentWork;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.privacy.DataScope;
import org.organizingworkbench.review.Assignment;
import org.organizingworkbench.review.AssignmentStatus;
import org.organizingworkbench.review.PeerReviewRound;
import org.organizingworkbench.review.ReviewData;
import org.organizingworkbench.review.ReviewForm;
import org.organizingworkbench.review.ReviewForms;
import org.organizingworkbench.review.ReviewGrant;
import org.organizingworkbench.review.ReviewRounds;
import org.organizingworkbench.review.ReviewScores;
import org.organizingworkbench.review.Reviews;
import org.organizingworkbench.review.RoundMember;
import org.organizingworkbench.review.RoundSettings;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.Workbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.course.CourseRole.INSTRUCTOR;
import static org.organizingworkbench.course.CourseRole.LEARNER;

/**
 * A round on a real MariaDB (the middle tier): submissions hand out work at once (late ones too), a missed
 * deadline hands the piece on, the reviewer's grant covers exactly the assigned piece, the reviewer's page never
 * names the author of an anonymous round, and the author's side (rate, flag, plan, revise) is kept.
 */
class PeerReviewOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final String STORY = "story-of-self";
    private static final List<String> STUDENTS = List.of("Ximena Quillfeather", "Bartholomew Nakagawa-Oduya",
            "Cordelia Vantongeren", "Desmond Ilunga-Farrow", "Evangelina Thorsdottir");

    private CourseWorld world;
    private Instant now = Instant.parse("2027-03-01T10:00:00Z");

    @BeforeEach
    void world() {
        world = new CourseWorld(DB).course("c").course("other").member("c", "teacher", INSTRUCTOR)
                .member("other", "Outsider Pemberton-Kaur", LEARNER);
        STUDENTS.forEach(s -> world.member("c", s, LEARNER));
    }

    @Test
    void submittersAreServedAtOnceAndAMissedDeadlineHandsThePieceOn() {
        submit(STUDENTS.get(0), 1);
        submit(STUDENTS.get(1), 1);
        submit(STUDENTS.get(2), 1);
        PeerReviewRound round = rounds(r -> r.create(course(), STORY, RoundSettings.defaults(now), world.member("teacher")));
        List<Assignment> pairs = pairs(round);
        assertEquals(6, pairs.size(), "three pieces, two reviews each");
        pairs.forEach(a -> assertNotEquals(a.reviewerId(), a.authorId()));

        submit(STUDENTS.get(3), 1);
        long late = world.member(STUDENTS.get(3));
        List<Assignment> after = pairs(round);
        assertEquals(2, after.stream().filter(a -> a.reviewerId() == late).count(), "a late submitter gets work at once");
        assertEquals(0, after.stream().filter(a -> a.authorId() == late).count(),
                "nobody is overloaded while more may submit: the late piece waits for the next submitter");
        submit(STUDENTS.get(4), 1);
        long later = world.member(STUDENTS.get(4));
        after = pairs(round);
        assertTrue(after.stream().anyMatch(a -> a.reviewerId() == later && a.authorId() == late),
                "the next submitter serves the late piece first");
        assertEquals(2, after.stream().filter(a -> a.reviewerId() == later).count());

        Assignment missed = after.stream().filter(a -> a.authorId() == late).findFirst().orElseThrow();
        now = now.plus(Duration.ofDays(9));
        assertTrue(rounds(r -> r.sweep(course(), round.id())) > 0);
        List<Assignment> swept = pairs(round);
        assertEquals(AssignmentStatus.MISSED, swept.stream().filter(a -> a.id() == missed.id()).findFirst().orElseThrow().status());
        assertTrue(swept.stream().anyMatch(a -> a.authorId() == late && a.status() == AssignmentStatus.ASSIGNED
                        && a.reviewerId() != missed.reviewerId()), "someone else has the piece now");
        for (String student : STUDENTS) {
            long id = world.member(student);
            assertTrue(swept.stream().filter(a -> a.authorId() == id && a.status().active()).count() >= 1,
                    "after the due time every piece is with someone who has not let it lapse before: " + student);
        }
    }

    @Test
    void theGrantCoversTheAssignedPieceOnlyAndTheReviewerPageNeverNamesTheAuthor() {
        STUDENTS.forEach(s -> submit(s, 1));
        PeerReviewRound round = rounds(r -> r.create(course(), STORY, RoundSettings.defaults(now), world.member("teacher")));
        Assignment piece = pairs(round).get(0);
        Viewer reviewer = learner(piece.reviewerId());
        ReviewGrant grant = grant();
        assertTrue(allowed(grant, reviewer, Purpose.READ, StudentWork.exercise(piece.authorId(), STORY)));
        assertFalse(allowed(grant, reviewer, Purpose.READ, StudentWork.workbookOf(piece.authorId())),
                "never the whole workbook (print, PDF)");
        assertFalse(allowed(grant, reviewer, Purpose.GRADE, StudentWork.exercise(piece.authorId(), STORY)));
        assertFalse(allowed(grant, reviewer, Purpose.READ, StudentWork.exercise(piece.authorId(), "story-of-us")),
                "never another exercise");
        long notAssigned = world.members().values().stream().filter(id -> id != piece.reviewerId())
                .filter(id -> pairs(round).stream().noneMatch(a -> a.reviewerId() == piece.reviewerId() && a.authorId() == id))
                .filter(id -> !id.equals(world.member("teacher"))).findFirst().orElseThrow();
        assertFalse(allowed(grant, reviewer, Purpose.READ, StudentWork.exercise(notAssigned, STORY)),
                "never a piece not assigned");
        Viewer outsider = new Viewer(0, world.courseId("other"), world.member("Outsider Pemberton-Kaur"), LEARNER, Set.of(),
                FellowScope.SECTIONS);
        assertFalse(allowed(grant, outsider, Purpose.READ, StudentWork.exercise(piece.authorId(), STORY)),
                "nor anyone of another course");

        String html = DB.inTransaction(em -> pages(em).review(page(), piece, null, null, false, ReviewOutcome.NONE));
        String author = world.nameOf(piece.authorId());
        assertTrue(html.contains("Once, in Valparaiso"), "the submitted piece is shown");
        assertFalse(html.contains(author) || html.contains(author.split(" ")[0]), "no author name: " + author);
        assertFalse(html.contains("learners/" + piece.authorId()) || html.contains("\"" + piece.authorId() + "\""),
                "no author id in any link or attribute");
        assertTrue(html.contains("data-save-base=\"/app/reviews/assignments/" + piece.id() + "/answers/\""));
    }

    @Test
    void theAuthorRatesFlagsPlansAndRevisesAndTheScoresFollow() {
        STUDENTS.subList(0, 4).forEach(s -> submit(s, 1));
        PeerReviewRound round = rounds(r -> r.create(course(), STORY, RoundSettings.defaults(now), world.member("teacher")));
        Assignment review = pairs(round).get(0);
        ReviewForm form = ReviewForms.shipped().forExercise(STORY);
        assertEquals("values", form.prompts().get(0).id(), "what worked comes first");
        DB.run(em -> {
            Reviews reviews = reviews(em);
            for (Field prompt : form.prompts()) {
                var value = prompt.options().isEmpty() ? TextNode.valueOf("<p>Specific <script>x</script>words</p>")
                        : TextNode.valueOf(prompt.options().get(0).value());
                reviews.save(review, prompt, 0, value, "save-" + prompt.id() + "-0001");
            }
            reviews.submit(review, form);
        });
        Assignment submitted = rounds(r -> r.assignment(course(), review.id()).orElseThrow());
        assertEquals(AssignmentStatus.SUBMITTED, submitted.status());
        DB.run(em -> assertFalse(reviews(em).answers(submitted).get("values").value().asText().contains("script"),
                "the one HTML policy cleaned the answer"));
        DB.run(em -> {
            reviews(em).rate(submitted, submitted.authorId(), 5);
            reviews(em).flag(submitted, submitted.authorId(), "Too harsh");
        });
        rounds(r -> {
            r.release(course(), round.id());
            r.plan(round.id(), submitted.authorId(), "Sharpen the moment of choice.");
            r.submitted(course(), submitted.authorId(), STORY, 2, now);
            return null;
        });
        RoundMember author = rounds(r -> r.member(round.id(), submitted.authorId()).orElseThrow());
        assertEquals(2, author.revisedNumber(), "the revision is linked to the round");
        assertEquals(80.0, ReviewScores.work(author, 80));
        List<Assignment> handed = pairs(round).stream().filter(a -> a.reviewerId() == submitted.reviewerId()).toList();
        assertTrue(ReviewScores.reviewing(handed, false, 20) > 0);
        Assignment flagged = rounds(r -> r.assignment(course(), review.id()).orElseThrow());
        assertTrue(flagged.flagged() && flagged.helpfulness() == 5);
    }

    @Test
    void archivesKeepAnonymityAndADeletedReviewersReviewStaysForItsAuthor() {
        STUDENTS.subList(0, 4).forEach(s -> submit(s, 1));
        PeerReviewRound round = rounds(r -> r.create(course(), STORY, RoundSettings.defaults(now), world.member("teacher")));
        Assignment review = pairs(round).get(0);
        ReviewForm form = ReviewForms.shipped().forExercise(STORY);
        DB.run(em -> {
            Reviews reviews = reviews(em);
            for (Field prompt : form.prompts()) {
                var value = prompt.options().isEmpty() ? TextNode.valueOf("<p>KEEP-THIS-ADVICE</p>")
                        : TextNode.valueOf(prompt.options().get(0).value());
                reviews.save(review, prompt, 0, value, "save-" + prompt.id() + "-0002");
            }
            reviews.submit(review, form);
        });
        DataScope.Members author = scopeOf(review.authorId());
        DataScope.Members reviewer = scopeOf(review.reviewerId());
        assertEquals(0, data(d -> d.export(author)).get("received").size(), "nothing received before the release");
        JsonNode written = data(d -> d.export(reviewer));
        JsonNode mine = find(written.get("written"), review.id());
        assertTrue(mine.get("author").isNull(), "an anonymous round hides the author from the reviewer's archive too");
        assertTrue(written.get("answers").toString().contains("KEEP-THIS-ADVICE"));

        rounds(r -> {
            r.release(course(), round.id());
            return null;
        });
        JsonNode received = data(d -> d.export(author));
        JsonNode got = find(received.get("received"), review.id());
        assertTrue(got.get("reviewer").isNull(), "the author's archive never names an anonymous reviewer");
        assertFalse(received.toString().contains("\"reviewer\":" + review.reviewerId()), received.toString());
        assertTrue(received.get("answers").toString().contains("KEEP-THIS-ADVICE"));
        assertEquals(review.reviewerId(), (long) find(data(d -> d.export(new DataScope.Course(course()))).get("assignments"),
                review.id()).get("reviewer").asLong(), "the course's own archive keeps who reviewed whom");
        long authored = pairs(round).stream().filter(a -> a.authorId() == review.authorId()).count();
        assertEquals(Map.of("reviewRounds", 0L, "reviewParticipations", 1L, "reviews", authored), data(d -> d.count(author)));

        DB.run(em -> {
            ReviewData d = inject(new ReviewData(), "em", em);
            d.anonymiseAuthored(reviewer);
            d.erase(reviewer);
        });
        assertEquals(Map.of("reviewRounds", 0L, "reviewParticipations", 0L, "reviews", 0L), data(d -> d.count(reviewer)));
        assertEquals(0L, (long) DB.<Long>inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM review_assignment"
                + " WHERE reviewer_id = ?1 OR author_id = ?1").setParameter(1, review.reviewerId()).getSingleResult()).longValue()));
        Assignment kept = rounds(r -> r.assignment(course(), review.id()).orElseThrow());
        assertEquals(0L, kept.reviewerId(), "kept without its reviewer");
        assertTrue(data(d -> d.export(author)).get("answers").toString().contains("KEEP-THIS-ADVICE"),
                "the author still reads the review they received");
        assertTrue(rounds(r -> r.sweep(course(), round.id())) >= 0, "the round still runs");
        String staffPage = DB.inTransaction(em -> pages(em).round(new PageContext(null, Locale.ENGLISH,
                PageContext.bearerHeaders("t"), "INSTRUCTOR"), round, rounds(em).members(round.id(), "1=1"), true, null));
        assertTrue(staffPage.contains("a former participant"), "staff see the review's reviewer is gone");
    }

    private static JsonNode find(JsonNode items, long assignment) {
        for (JsonNode item : items) {
            if (item.get("assignment").asLong() == assignment) {
                return item;
            }
        }
        throw new AssertionError("no assignment " + assignment + " in " + items);
    }

    private DataScope.Members scopeOf(long membership) {
        long person = world.person(world.nameOf(membership));
        return new DataScope.Members(List.of(new DataScope.Member(membership, person, course())));
    }

    private <T> T data(Function<ReviewData, T> call) {
        return DB.inTransaction(em -> call.apply(inject(new ReviewData(), "em", em)));
    }

    @Test
    void startingARoundFromAnExerciseChoosesItInTheForm() {
        String html = DB.inTransaction(em -> pages(em).list(new PageContext(null, Locale.ENGLISH,
                PageContext.bearerHeaders("t"), "INSTRUCTOR"), course(), world.member("teacher"), true, "story-of-us", null));
        assertTrue(html.contains("value=\"story-of-us\" selected"), html);
        assertEquals(1, html.split(" selected", -1).length - 1, "only the exercise the instructor came from");
    }

    @Test
    void aLinkPlacedAsARoundLandsStudentsOnTheirReviewsAndTheInstructorOnTheRoundItStarts() {
        long link = DB.inTransaction(em -> {
            em.createNativeQuery("INSERT INTO resource_link (course_id, link_id, title, review_exercise_id, updated_at)"
                    + " VALUES (?1, 'placed-round', 'Peer review', ?2, NOW())").setParameter(1, course())
                    .setParameter(2, STORY).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        });
        String first = STUDENTS.get(0);
        String waiting = landing(first, LEARNER, link).orElseThrow();
        assertTrue(waiting.contains("has not started yet"), waiting);

        STUDENTS.subList(0, 3).forEach(s -> submit(s, 1));
        String round = landing("teacher", INSTRUCTOR, link).orElseThrow();
        PeerReviewRound started = rounds(r -> r.roundOf(course(), STORY).orElseThrow());
        assertTrue(round.contains("hx-post=\"/app/reviews/rounds/" + started.id() + "/release\""), round);
        assertEquals(6, pairs(started).size(), "the defaults: two reviews for each of the three pieces");
        assertEquals(started.id(), rounds(r -> r.roundOf(course(), STORY).orElseThrow()).id());
        landing("teacher", INSTRUCTOR, link);
        assertEquals(1, rounds(r -> r.rounds(course())).size(), "a second launch opens the same round");

        String mine = landing(first, LEARNER, link).orElseThrow();
        long piece = pairs(started).stream().filter(a -> a.reviewerId() == world.member(first)).findFirst().orElseThrow().id();
        assertTrue(mine.contains("/app/reviews/assignments/" + piece), mine);
        assertTrue(mine.contains("/app/reviews/rounds/" + started.id() + "/mine"), "and their own round's reviews");
        assertFalse(mine.contains("has not started yet"));

        long plain = DB.inTransaction(em -> {
            em.createNativeQuery("INSERT INTO resource_link (course_id, link_id, title, exercise_id, updated_at)"
                    + " VALUES (?1, 'placed-exercise', 'Story', ?2, NOW())").setParameter(1, course())
                    .setParameter(2, STORY).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        });
        assertTrue(landing(first, LEARNER, plain).isEmpty(), "an exercise's link opens the exercise, as before");
    }

    private java.util.Optional<String> landing(String who, CourseRole role, long link) {
        org.organizingworkbench.launch.Session session = new org.organizingworkbench.launch.Session(world.person(who), who,
                course(), "c", world.member(who), role, world.platformId(), 0, "en", now.plusSeconds(600), link);
        return DB.inTransaction(em -> {
            ReviewLanding landing = new ReviewLanding();
            landing.roster = inject(new org.organizingworkbench.course.CourseRoster(), "em", em);
            landing.viewers = inject(new org.organizingworkbench.access.Viewers(), "em", em);
            landing.policy = new org.organizingworkbench.access.AccessPolicy();
            landing.curricula = inject(new CurriculumVersions(), "em", em);
            landing.rounds = rounds(em);
            landing.pages = pages(em);
            landing.contexts = new org.organizingworkbench.web.PageContexts() {
                @Override
                public PageContext of(org.organizingworkbench.launch.Session s) {
                    return PageContext.of(s, "token");
                }
            };
            landing.clock = Clock.fixed(now, ZoneOffset.UTC);
            return landing.landing(session, Locale.ENGLISH);
        });
    }

    // ---- the world

    private void submit(String student, int number) {
        long author = world.member(student);
        Exercise story = CurriculumLoader.defaultCurriculum().exercise(STORY).orElseThrow();
        DB.run(em -> {
            Workbooks workbooks = inject(new Workbooks(), "em", em);
            Author a = new Author(author, course(), world.person(student), student);
            for (Field f : story.fields()) {
                var value = f.type() == org.organizingworkbench.curriculum.FieldType.LIST
                        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("courage")
                        : TextNode.valueOf("<p>Once, in Valparaiso, " + f.id() + "</p>");
                workbooks.save(a, story, f, 0, value, "seed-" + f.id() + "-" + author, author);
            }
            em.createNativeQuery("INSERT INTO workbook_submission (course_id, author_id, exercise_id, number, revisions,"
                            + " submitted_at, due_on, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, FALSE)")
                    .setParameter(1, course()).setParameter(2, author).setParameter(3, STORY).setParameter(4, number)
                    .setParameter(5, "{\"challenge\":1,\"choice\":1,\"outcome\":1,\"values\":1,\"story\":1}")
                    .setParameter(6, java.time.LocalDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
            rounds(em).submitted(course(), author, STORY, number, now);
        });
    }

    private List<Assignment> pairs(PeerReviewRound round) {
        return rounds(r -> r.assignments(course(), round.id()));
    }

    private <T> T rounds(Function<ReviewRounds, T> work) {
        return DB.inTransaction(em -> work.apply(rounds(em)));
    }

    private ReviewRounds rounds(EntityManager em) {
        return inject(inject(new ReviewRounds(), "em", em), "clock", Clock.fixed(now, ZoneOffset.UTC));
    }

    private Reviews reviews(EntityManager em) {
        return inject(inject(new Reviews(), "em", em), "clock", Clock.fixed(now, ZoneOffset.UTC));
    }

    private ReviewPages pages(EntityManager em) {
        PeerReviewPagesForBench.inject(new CurriculumVersions(), "em", em).storeDefaultIfMissing();
        return PeerReviewPagesForBench.pages(em, now);
    }

    private ReviewGrant grant() {
        return new ReviewGrant();
    }

    private static boolean allowed(ReviewGrant grant, Viewer viewer, Purpose purpose, StudentWork work) {
        return DB.inTransaction(em -> with(grant, em).allows(viewer, purpose, work));
    }

    private static AccessGrant with(ReviewGrant grant, EntityManager em) {
        return inject(grant, "em", em);
    }

    private Viewer learner(long membershipId) {
        return new Viewer(0, course(), membershipId, CourseRole.LEARNER, Set.of(), FellowScope.SECTIONS);
    }

    private static PageContext page() {
        return new PageContext(null, Locale.ENGLISH, PageContext.bearerHeaders("t"), "LEARNER");
    }

    private long course() {
        return world.courseId("c");
    }

    static <T> T inject(T target, String name, Object value) {
        return PeerReviewPagesForBench.inject(target, name, value);
    }
}
