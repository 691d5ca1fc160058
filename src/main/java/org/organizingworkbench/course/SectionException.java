package org.organizingworkbench.course;

/** Why a change to a course's sections was refused. */
public class SectionException extends RuntimeException {

    /** NAME_* are the instructor's to fix; UNKNOWN_SECTION and NOT_ASSIGNABLE only come from a forged request. */
    public enum Problem {
        NAME_BLANK, NAME_TOO_LONG, NAME_TAKEN,
        /** No such section in the session's course. */
        UNKNOWN_SECTION,
        /** Not an active Teaching Fellow or student of the session's course. */
        NOT_ASSIGNABLE;

        public boolean isTheNames() {
            return name().startsWith("NAME_");
        }
    }

    private final Problem problem;

    public SectionException(Problem problem) {
        super(problem.name());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
