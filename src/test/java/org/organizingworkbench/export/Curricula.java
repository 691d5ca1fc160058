package org.organizingworkbench.export;

import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Module;

/** The default curriculum, and variants of it a course could have adapted. */
final class Curricula {

    static final Curriculum DEFAULT = CurriculumLoader.defaultCurriculum();

    private Curricula() {
    }

    /** The default curriculum with one exercise hidden, as an instructor hides it in an adapted version. */
    static Curriculum hiding(String exerciseId) {
        return new Curriculum(DEFAULT.id(), DEFAULT.version(), DEFAULT.languages(), DEFAULT.title(), DEFAULT.credit(),
                DEFAULT.modules().stream().map(module -> new Module(module.number(), module.id(), module.title(),
                        module.summary(), module.exercises().stream().map(e -> e.id().equals(exerciseId) ? hidden(e) : e)
                        .toList())).toList());
    }

    private static Exercise hidden(Exercise e) {
        return new Exercise(e.id(), e.kind(), e.title(), e.prompt(), e.guidance(), e.example(), e.fields(), e.gradingHints(),
                e.graded(), e.points(), true, e.due(), e.visual());
    }
}
