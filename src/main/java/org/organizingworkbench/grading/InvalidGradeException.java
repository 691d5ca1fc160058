package org.organizingworkbench.grading;

/** A grade that cannot be recorded: a score outside 0..maximum, or a learner or link not of the course. */
public class InvalidGradeException extends RuntimeException {
    public InvalidGradeException(String message) {
        super(message);
    }
}
