package org.organizingworkbench.curriculum;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.infrastructure.NodeCaches;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes on one database, each with its own copies of the course pins, connected as the data grid connects
 * them: when an instructor's move commits on one node, the other stops serving the old curriculum.
 */
class CoursePinAcrossNodesTest {

    private static final String ADAPTED = "Organizing, as this course adapted it";

    private final TestDatabase db = TestDatabase.shared();
    private long courseId;
    private long adaptedVersion;

    /** One node's curriculum service over the shared database. */
    private static final class Node {
        final NodeCaches caches = new NodeCaches();
        final CurriculumVersions versions = new CurriculumVersions();

        Node() {
            versions.caches = caches;
            versions.shareForgetting();
        }

        String titleOf(TestDatabase db, long courseId) {
            return db.inTransaction(em -> {
                versions.em = em;
                return versions.curriculumOf(courseId).title().texts().get("en");
            });
        }
    }

    @BeforeEach
    void aCourseOnTheDefaultAndAnAdaptedVersion() {
        CourseWorld world = new CourseWorld(db).course("pinned").member("pinned", "instructor", CourseRole.INSTRUCTOR);
        courseId = world.courseId("pinned");
        long instructor = world.person("instructor");
        CurriculumFiles shipped = CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER);
        Map<String, String> edited = new HashMap<>(shipped.files());
        edited.put(CurriculumFiles.MAIN_FILE, edited.get(CurriculumFiles.MAIN_FILE)
                .replace("Organizing: people, power and change", ADAPTED));
        CurriculumVersions versions = new CurriculumVersions();
        adaptedVersion = db.inTransaction(em -> {
            versions.em = em;
            versions.pin(courseId);
            return versions.saveNewVersion(new CurriculumFiles(edited), instructor).id();
        });
    }

    @Test
    void aMoveOnOneNodeReachesTheOtherNodesCopy() {
        Node a = new Node();
        Node b = new Node();
        a.caches.connect(b.caches::announced);
        b.caches.connect(a.caches::announced);
        String shippedTitle = a.titleOf(db, courseId);
        assertEquals(shippedTitle, b.titleOf(db, courseId));

        db.run(em -> {
            b.versions.em = em;
            b.versions.move(courseId, adaptedVersion);
        });
        assertEquals(ADAPTED, b.titleOf(db, courseId), "the moving node forgot its own copy at once");
        assertEquals(shippedTitle, a.titleOf(db, courseId), "until the announcement, the other node keeps its copy");

        b.versions.onMoved(new CourseCurriculumMoved(courseId)); // what the container calls once the move committed
        assertEquals(ADAPTED, a.titleOf(db, courseId));
    }

    @Test
    void aNodeWithoutAClusterStillForgetsItsOwnCopy() {
        Node alone = new Node();
        String shippedTitle = alone.titleOf(db, courseId);
        db.run(em -> {
            alone.versions.em = em;
            alone.versions.move(courseId, adaptedVersion);
        });
        alone.versions.onMoved(new CourseCurriculumMoved(courseId));
        assertEquals(ADAPTED, alone.titleOf(db, courseId));
        assertEquals(false, ADAPTED.equals(shippedTitle));
    }
}
