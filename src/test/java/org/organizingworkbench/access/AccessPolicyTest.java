package org.organizingworkbench.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.course.CourseRole.INSTRUCTOR;
import static org.organizingworkbench.course.CourseRole.LEARNER;
import static org.organizingworkbench.course.CourseRole.TEACHING_ASSISTANT;

/**
 * The access policy over every viewer × every member × every purpose of two courses, against a real MariaDB: the
 * table below is what must hold, written out by hand; any pair the policy or its SQL predicate lets through that
 * the table does not list (or refuses that it lists) fails the test.
 */
class AccessPolicyTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static CourseWorld world;

    /** viewer → the members whose work they may READ (and COMMENT on); staff may also GRADE exactly these. */
    private static final Map<String, Set<String>> READS = Map.of(
            "instructor", Set.of("ana", "ben", "bea", "nadia", "gone"),
            "fellowA", Set.of("ana", "ben", "gone"),
            "fellowAB", Set.of("ana", "ben", "gone", "bea"),
            "fellowNone", Set.of(),
            "ana", Set.of("ana"),
            "nadia", Set.of("nadia"),
            "instructor2", Set.of("maya", "milo"),
            "fellow2", Set.of("maya", "milo"),
            "maya", Set.of("maya"));

    /** viewer → the sections they may see. */
    private static final Map<String, Set<String>> SECTIONS = Map.of(
            "instructor", Set.of("A", "B"),
            "fellowA", Set.of("A"),
            "fellowAB", Set.of("A", "B"),
            "fellowNone", Set.of(),
            "ana", Set.of(),
            "nadia", Set.of(),
            "instructor2", Set.of("C"),
            "fellow2", Set.of("C"),
            "maya", Set.of());

    @BeforeAll
    static void world() {
        world = new CourseWorld(DB).course("one").course("two")
                .member("one", "instructor", INSTRUCTOR).member("one", "fellowA", TEACHING_ASSISTANT)
                .member("one", "fellowAB", TEACHING_ASSISTANT).member("one", "fellowNone", TEACHING_ASSISTANT)
                .member("one", "ana", LEARNER).member("one", "ben", LEARNER).member("one", "bea", LEARNER)
                .member("one", "nadia", LEARNER).member("one", "gone", LEARNER)
                .section("one", "A", "fellowA", "fellowAB", "ana", "ben", "gone")
                .section("one", "B", "fellowAB", "bea")
                .leaves("gone")
                .member("two", "instructor2", INSTRUCTOR).member("two", "fellow2", TEACHING_ASSISTANT)
                .member("two", "maya", LEARNER).member("two", "milo", LEARNER)
                .section("two", "C", "milo")
                .fellowsSeeEveryone("two");
    }

    @Test
    void everyViewerReachesExactlyTheWorkTheTableGivesThem() {
        AccessPolicy policy = policy(List.of());
        List<String> wrong = new ArrayList<>();
        for (String viewerName : READS.keySet()) {
            Viewer viewer = viewer(viewerName);
            for (String authorName : world.members().keySet()) {
                StudentWork work = StudentWork.workbookOf(world.member(authorName));
                boolean reads = READS.get(viewerName).contains(authorName);
                expect(wrong, viewerName, authorName, Purpose.READ, reads, policy.allows(viewer, Purpose.READ, work));
                expect(wrong, viewerName, authorName, Purpose.COMMENT, reads, policy.allows(viewer, Purpose.COMMENT, work));
                expect(wrong, viewerName, authorName, Purpose.GRADE, reads && viewer.isStaff(),
                        policy.allows(viewer, Purpose.GRADE, work));
                expect(wrong, viewerName, authorName, Purpose.WRITE, viewerName.equals(authorName) && reads,
                        policy.allows(viewer, Purpose.WRITE, work));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theSqlPredicateListsTheSamePeopleAsTheTable() {
        AccessPolicy policy = policy(List.of());
        for (String viewerName : READS.keySet()) {
            Viewer viewer = viewer(viewerName);
            String predicate = policy.learners(viewer).on("m");
            List<?> ids = DB.inTransaction(em -> em.createNativeQuery("SELECT m.id FROM membership m WHERE " + predicate)
                    .getResultList());
            Set<String> listed = ids.stream().map(id -> world.nameOf(((Number) id).longValue()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(READS.get(viewerName)), listed, viewerName + " lists");
        }
    }

    @Test
    void everyViewerSeesExactlyTheSectionsTheTableGivesThem() {
        AccessPolicy policy = policy(List.of());
        for (String viewerName : SECTIONS.keySet()) {
            Viewer viewer = viewer(viewerName);
            Set<String> seen = Stream.of("A", "B", "C").filter(s -> policy.maySeeSection(viewer, world.section(s)))
                    .collect(Collectors.toSet());
            assertEquals(SECTIONS.get(viewerName), seen, viewerName + " sees sections");
        }
    }

    @Test
    void aGrantWidensReadingOfOnePieceButNeverGradingWritingOrAnotherCourse() {
        long bea = world.member("bea");
        AccessGrant reviewerOfBeasStory = (viewer, purpose, work) -> viewer.membershipId() == world.member("nadia")
                && work.learnerId() == bea && "story".equals(work.exerciseId());
        AccessPolicy policy = policy(List.of(reviewerOfBeasStory, (viewer, purpose, work) ->
                viewer.membershipId() == world.member("maya")));
        Viewer nadia = viewer("nadia");
        assertTrue(policy.allows(nadia, Purpose.READ, StudentWork.exercise(bea, "story")));
        assertTrue(policy.allows(nadia, Purpose.COMMENT, StudentWork.exercise(bea, "story")));
        assertFalse(policy.allows(nadia, Purpose.WRITE, StudentWork.exercise(bea, "story")));
        assertFalse(policy.allows(nadia, Purpose.READ, StudentWork.exercise(bea, "plan")));
        assertFalse(policy.allows(nadia, Purpose.READ, StudentWork.workbookOf(bea)));
        assertFalse(policy.allows(viewer("maya"), Purpose.READ, StudentWork.workbookOf(bea)),
                "a grant cannot reach into another course");
    }

    @Test
    void aMemberWhoLeftOrASessionOfSomeoneElseIsNoViewer() {
        Viewers viewers = viewers();
        assertTrue(viewers.of(world.person("gone"), world.courseId("one"), world.member("gone")).isEmpty());
        assertTrue(viewers.of(world.person("ana"), world.courseId("one"), world.member("ben")).isEmpty());
        assertTrue(viewers.of(world.person("ana"), world.courseId("two"), world.member("ana")).isEmpty());
        assertEquals(Set.of(world.section("A"), world.section("B")),
                viewers.of(world.person("fellowAB"), world.courseId("one"), world.member("fellowAB")).orElseThrow()
                        .sectionIds());
    }

    @Test
    void staffReadingSomeonesWorkIsAnnouncedButReadingOnesOwnIsNot() {
        List<WorkOpened> announced = new ArrayList<>();
        AccessPolicy policy = new AccessPolicy() {
            @Override
            void announce(WorkOpened event) {
                announced.add(event);
            }
        };
        policy.clock = Clock.systemUTC();
        policy.opened(viewer("fellowA"), StudentWork.exercise(world.member("ana"), "story"), "exercise:story");
        policy.opened(viewer("ana"), StudentWork.exercise(world.member("ana"), "story"), "exercise:story");
        assertEquals(1, announced.size());
        assertEquals(world.member("fellowA"), announced.get(0).viewerMembershipId());
        assertEquals(world.member("ana"), announced.get(0).learnerId());
    }

    private static void expect(List<String> wrong, String viewer, String author, Purpose purpose, boolean expected,
                               boolean actual) {
        if (expected != actual) {
            wrong.add(viewer + (actual ? " may " : " may not ") + purpose + " " + author);
        }
    }

    private static Viewer viewer(String name) {
        long course = world.courseId(READS.get("instructor2").contains(name) || name.endsWith("2") ? "two" : "one");
        return viewers().of(world.person(name), course, world.member(name)).orElseThrow(() ->
                new AssertionError(name + " is no viewer"));
    }

    private static Viewers viewers() {
        Viewers viewers = new Viewers();
        viewers.em = DB.entityManager();
        return viewers;
    }

    private static AccessPolicy policy(List<AccessGrant> contributed) {
        AccessPolicy policy = new AccessPolicy() {
            @Override
            Stream<AccessGrant> grants() {
                return contributed.stream();
            }
        };
        policy.viewers = viewers();
        policy.em = DB.entityManager();
        return policy;
    }
}
