package org.organizingworkbench.curriculum;

import java.util.List;

/** What validation found: the curriculum when there were no problems (null otherwise), and the problems. */
record CheckedCurriculum(Curriculum curriculum, List<CurriculumProblem> problems) {

    CheckedCurriculum {
        problems = List.copyOf(problems);
    }
}
