package org.organizingworkbench.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.course.CourseRole.LEARNER;
import static org.organizingworkbench.course.CourseRole.TEACHING_ASSISTANT;

/**
 * Peers comment on a classmate's passage only where the instructor allows it, only in their section, and only where
 * they already read (here a grant standing for a peer review assignment: ben reads ana's "story", nothing else).
 */
class PeerCommentsOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();

    private CourseWorld world;
    private AccessPolicy policy;

    @BeforeEach
    void seed() {
        world = new CourseWorld(DB).course("c").member("c", "ana", LEARNER).member("c", "ben", LEARNER)
                .member("c", "cy", LEARNER).member("c", "fay", TEACHING_ASSISTANT)
                .section("c", "A", "fay", "ana", "ben").section("c", "B", "cy");
        AccessGrant reviews = (viewer, purpose, work) -> (purpose == Purpose.READ || purpose == Purpose.COMMENT)
                && "story".equals(work.exerciseId()) && work.learnerId() == world.member("ana")
                && (viewer.membershipId() == world.member("ben") || viewer.membershipId() == world.member("cy"));
        policy = new AccessPolicy() {
            @Override
            Stream<AccessGrant> grants() {
                return Stream.of(reviews);
            }
        };
        Viewers viewers = new Viewers();
        viewers.em = DB.entityManager();
        policy.viewers = viewers;
        policy.em = DB.entityManager();
    }

    @Test
    void offByDefaultThenOnlyAClassmateWhoAlreadyReadsThatExercise() {
        StudentWork story = StudentWork.exercise(world.member("ana"), "story");
        assertFalse(policy.mayCommentAsPeer(viewer("ben"), story), "refused while the course does not allow it");
        allow(true);
        assertTrue(policy.mayCommentAsPeer(viewer("ben"), story));
        assertFalse(policy.mayCommentAsPeer(viewer("ben"), StudentWork.exercise(world.member("ana"), "public-narrative")),
                "never where ben does not already read: it does not widen reading");
        assertFalse(policy.mayCommentAsPeer(viewer("ben"), StudentWork.workbookOf(world.member("ana"))));
        assertFalse(policy.mayCommentAsPeer(viewer("cy"), story), "cy reads it but is in another section");
        assertFalse(policy.mayCommentAsPeer(viewer("ana"), story), "her own work is not a peer's");
        assertFalse(policy.mayCommentAsPeer(viewer("fay"), story), "staff comment as staff");
        allow(false);
        assertFalse(policy.mayCommentAsPeer(viewer("ben"), story), "refused again once turned off");
    }

    private void allow(boolean allowed) {
        DB.run(em -> em.createNativeQuery("UPDATE course SET peer_comments = ?1 WHERE id = ?2").setParameter(1, allowed)
                .setParameter(2, world.courseId("c")).executeUpdate());
    }

    private Viewer viewer(String name) {
        return policy.viewers.of(world.person(name), world.courseId("c"), world.member(name)).orElseThrow();
    }
}
