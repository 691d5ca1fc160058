package org.organizingworkbench.curriculum;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.course.CourseRole.INSTRUCTOR;

/**
 * Curriculum editing against a real MariaDB (the middle tier): an English-only course and an out-of-date translation
 * are stored as versions of that course alone, and read back as the editor shows them.
 */
class CurriculumEditingOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final String LOG = "one-to-one-log";

    private CourseWorld world;

    @BeforeEach
    void courses() {
        world = new CourseWorld(DB).course("english").course("both").member("english", "ivan", INSTRUCTOR)
                .member("both", "inés", INSTRUCTOR);
        DB.inTransaction(em -> {
            CurriculumVersions versions = new CurriculumVersions();
            versions.em = em;
            return versions.storeDefaultIfMissing();
        });
    }

    @Test
    void anEnglishOnlyCourseIsStoredForThatCourseAloneAndTakesAnEnglishOnlyExample() {
        long course = world.courseId("english");
        CurriculumVersion shipped = curriculum(c -> c.inUse(course));
        CurriculumDraft draft = CurriculumDraft.of(shipped.files());
        draft.chooseLanguages(List.of("en"));
        draft.reword(LOG, "example", Map.of("en", "Rosa, tenants' association: will host a house meeting on the 12th."));
        AdaptedCurriculum adapted = curriculum(c -> c.adapt(course, shipped.id(), draft.files(), world.person("ivan")));

        assertTrue(adapted.changed());
        CurriculumVersion now = curriculum(c -> c.inUse(course));
        assertEquals(List.of("en"), now.curriculum().languages());
        assertEquals("Rosa, tenants' association: will host a house meeting on the 12th.",
                now.curriculum().exercise(LOG).orElseThrow().example().in("es", "en"));
        assertEquals(List.of("en", "es"), curriculum(c -> c.inUse(world.courseId("both"))).curriculum().languages(),
                "the other course keeps both languages");
    }

    @Test
    void anEnglishRewordingIsStoredWithTheSpanishTextMarkedOutOfDateUntilTranslated() {
        long course = world.courseId("both");
        CurriculumVersion shipped = curriculum(c -> c.inUse(course));
        CurriculumDraft draft = CurriculumDraft.of(shipped.files());
        String spanish = shipped.curriculum().exercise(LOG).orElseThrow().prompt().in("es").orElseThrow();
        draft.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones this week and log each one.", "es", spanish));
        AdaptedCurriculum reworded = curriculum(c -> c.adapt(course, shipped.id(), draft.files(), world.person("inés")));

        CurriculumDraft stored = CurriculumDraft.of(curriculum(c -> c.inUse(course)).files());
        assertEquals(Set.of("es"), prompt(stored).outOfDate(), "the editor reads the mark back from the stored version");
        assertEquals(1, stored.outOfDateCount(LOG));

        stored.reword(LOG, "prompt", Map.of("es", "Ten tres reuniones individuales esta semana y registra cada una."));
        AdaptedCurriculum translated = curriculum(c -> c.adapt(course, reworded.version().id(), stored.files(),
                world.person("inés")));
        assertNotEquals(reworded.version().id(), translated.version().id());
        assertEquals(Set.of(), prompt(CurriculumDraft.of(curriculum(c -> c.inUse(course)).files())).outOfDate());
        List<CurriculumChanges.ExerciseChange> changes = CurriculumChanges.between(reworded.version().curriculum(),
                translated.version().curriculum());
        assertEquals(List.of("prompt"), changes.get(0).texts().stream().map(CurriculumChanges.TextChange::key).toList());
    }

    private static ExerciseText prompt(CurriculumDraft draft) {
        return draft.texts(LOG).stream().filter(t -> t.slot().equals("prompt")).findFirst().orElseThrow();
    }

    private static <T> T curriculum(Function<CourseCurriculum, T> call) {
        return DB.inTransaction(em -> {
            CurriculumVersions versions = new CurriculumVersions();
            versions.em = em;
            CourseCurriculum curriculum = new CourseCurriculum();
            curriculum.em = em;
            curriculum.versions = versions;
            curriculum.moved = new Ignored<>();
            return call.apply(curriculum);
        });
    }

    /** Nobody observes the moves here. */
    private static final class Ignored<T> implements Event<T> {
        @Override
        public void fire(T event) {
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            return java.util.concurrent.CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            return new Ignored<>();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return new Ignored<>();
        }
    }
}
