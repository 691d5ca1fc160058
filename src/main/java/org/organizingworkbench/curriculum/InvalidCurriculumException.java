package org.organizingworkbench.curriculum;

import java.util.List;
import java.util.stream.Collectors;

/** A curriculum that did not pass validation; {@link #problems()} lists every problem found. */
public class InvalidCurriculumException extends RuntimeException {
    private final List<CurriculumProblem> problems;

    public InvalidCurriculumException(String source, List<CurriculumProblem> problems) {
        super("Invalid curriculum " + source + ":\n" + problems.stream().map(CurriculumProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CurriculumProblem> problems() {
        return problems;
    }
}
