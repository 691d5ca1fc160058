package org.organizingworkbench.curriculum;

import java.util.Arrays;
import java.util.Optional;

/** What a field of an exercise holds; {@link #jsonName()} is how curriculum files name it. */
public enum FieldType {
    /** One line: a name, a goal, a sentence. */
    SHORT_TEXT("shortText", "wordLimit"),
    /** Paragraphs, with an optional word limit. */
    LONG_TEXT("longText", "wordLimit"),
    /** A list of short texts, with optional minimum and maximum counts. */
    LIST("list", "minItems", "maxItems"),
    /** Rows of columns, each column a field of its own (never a list or a table). */
    TABLE("table", "columns", "minItems", "maxItems"),
    /** Someone the student works with: name, relationship and notes. */
    PERSON("person"),
    DATE("date"),
    /** A number, with an optional target to reach and a unit. */
    NUMBER("number", "target", "unit"),
    /** One (or, with multiple, several) of the listed options. */
    CHOICE("choice", "options", "multiple");

    private final String jsonName;
    private final java.util.Set<String> settings;

    FieldType(String jsonName, String... settings) {
        this.jsonName = jsonName;
        this.settings = java.util.Set.of(settings);
    }

    /** The properties a field of this type may have in a curriculum file beyond id, type, label, help, required. */
    public java.util.Set<String> settings() {
        return settings;
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
