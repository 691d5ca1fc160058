package org.organizingworkbench.course;

/**
 * The name of a section as instructors type it: spaces around and inside are tidied, and it must say something in
 * at most {@value #MAX_LENGTH} characters. Uniqueness within a course is the database's (case- and accent-blind,
 * as the column's collation compares).
 */
public record SectionName(String value) {

    public static final int MAX_LENGTH = 100;

    public SectionName {
        value = tidy(value);
        if (value.isEmpty()) {
            throw new SectionException(SectionException.Problem.NAME_BLANK);
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new SectionException(SectionException.Problem.NAME_TOO_LONG);
        }
    }

    private static String tidy(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    }
}
