package org.organizingworkbench.curriculum;

/** An exercise's settings as the editor's form shows them (points and due date as typed or stored). */
public record ExerciseSettings(boolean graded, String points, boolean hidden, String due) {
}
