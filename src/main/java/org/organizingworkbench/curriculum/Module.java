package org.organizingworkbench.curriculum;

import java.util.List;

/** A module of the course (0–9 in the default curriculum), from one module file. */
public record Module(int number, String id, LocalizedText title, LocalizedText summary, List<Exercise> exercises) {

    public Module {
        exercises = List.copyOf(exercises);
    }
}
