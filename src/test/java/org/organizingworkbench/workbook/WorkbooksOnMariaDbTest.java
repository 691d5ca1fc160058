package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.organizingworkbench.course.CourseRole.LEARNER;

/** Saving answers against a real MariaDB (the middle tier): a save that changes nothing makes no revision. */
class WorkbooksOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final Exercise EXERCISE = CurriculumLoader.defaultCurriculum().exercise("theory-of-change").orElseThrow();
    private static final Field FIELD = EXERCISE.field("if").orElseThrow();

    private Author ana;

    @BeforeEach
    void course() {
        CourseWorld world = new CourseWorld(DB).course("c").member("c", "ana", LEARNER);
        ana = new Author(world.member("ana"), world.courseId("c"), world.person("ana"), "ana");
    }

    @Test
    void aSaveThatChangesNothingMakesNoRevision() {
        SaveOutcome.Saved first = (SaveOutcome.Saved) save(0, "we organise", "save-first-0001");
        SaveOutcome.Saved same = (SaveOutcome.Saved) save(first.revision(), "we organise", "save-same-00002");
        assertEquals(first.revision(), same.revision(), "the same text is the same revision");
        SaveOutcome.Saved changed = (SaveOutcome.Saved) save(first.revision(), "we organise together", "save-change-003");
        assertEquals(first.revision() + 1, changed.revision());
        List<Revision> history = workbooks(w -> w.history(ana, EXERCISE.id(), FIELD.id()));
        assertEquals(List.of(2, 1), history.stream().map(Revision::number).toList(), "newest first, no empty revision");
    }

    @Test
    void anUnchangedSaveBasedOnAnOldRevisionIsStillAConflict() {
        SaveOutcome.Saved first = (SaveOutcome.Saved) save(0, "one", "save-old-000001");
        save(first.revision(), "two", "save-old-000002");
        assertEquals(SaveOutcome.Conflict.class, save(first.revision(), "one", "save-old-000003").getClass(),
                "what another tab saved meanwhile is never overwritten, even by the old text");
    }

    private SaveOutcome save(int base, String text, String saveId) {
        return workbooks(w -> w.save(ana, EXERCISE, FIELD, base, TextNode.valueOf(text), saveId, ana.membershipId()));
    }

    private <T> T workbooks(Function<Workbooks, T> call) {
        return DB.inTransaction(em -> {
            Workbooks workbooks = new Workbooks();
            workbooks.em = em;
            return call.apply(workbooks);
        });
    }
}
