package org.organizingworkbench.curriculum;

import java.util.Arrays;
import java.util.Optional;

/** What a field of an exercise holds; {@link #jsonName()} is how curriculum files name it. */
public enum FieldType {
    /** One line: a name, a goal, a sentence. */
    SHORT_TEXT("shortText"),
    /** Paragraphs, with an optional word limit. */
    LONG_TEXT("longText"),
    /** A list of short texts, with optional minimum and maximum counts. */
    LIST("list"),
    /** Rows of columns, each column a field of its own (never a list or a table). */
    TABLE("table"),
    /** Someone the student works with: name, relationship and notes. */
    PERSON("person"),
    DATE("date"),
    /** A number, with an optional target to reach and a unit. */
    NUMBER("number"),
    /** One (or, with multiple, several) of the listed options. */
    CHOICE("choice");

    private final String jsonName;

    FieldType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<FieldType> fromJson(String name) {
        return Arrays.stream(values()).filter(type -> type.jsonName.equals(name)).findFirst();
    }

    /** Whether a table column may have this type: tables hold single values per cell. */
    public boolean fitsInTable() {
        return this != TABLE && this != LIST;
    }
}
