package org.organizingworkbench.curriculum;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.organizingworkbench.curriculum.FieldType.CHOICE;
import static org.organizingworkbench.curriculum.FieldType.DATE;
import static org.organizingworkbench.curriculum.FieldType.NUMBER;
import static org.organizingworkbench.curriculum.FieldType.PERSON;
import static org.organizingworkbench.curriculum.FieldType.SHORT_TEXT;

/** The diagrams a structured tool can draw from its table, and the columns each one reads. */
public enum VisualKind {
    /**
     * Cascading leadership: each row's {@code link} names the member who develops that row's {@code name}; its
     * {@code beyond}, when named, the people outside the team that member develops (separated by commas).
     */
    SNOWFLAKE("snowflake", List.of(
            new Role("name", true, Set.of(PERSON, SHORT_TEXT)),
            new Role("link", true, Set.of(SHORT_TEXT)),
            new Role("beyond", false, Set.of(SHORT_TEXT, FieldType.LIST)))),
    /** The campaign arc: one point per row at its {@code date}, as high as its {@code size}. */
    TIMELINE("timeline", List.of(
            new Role("date", true, Set.of(DATE)),
            new Role("label", true, Set.of(SHORT_TEXT, CHOICE)),
            new Role("size", true, Set.of(NUMBER)))),
    /** Numbers set before an action, and (when {@code actual} is named) what was reached, as grouped bars. */
    TARGETS("targets", List.of(
            new Role("label", true, Set.of(SHORT_TEXT, CHOICE)),
            new Role("target", true, Set.of(NUMBER)),
            new Role("actual", false, Set.of(NUMBER))));

    /** A column a diagram reads: its key in the curriculum file, whether it must be named, the types that fit. */
    public record Role(String key, boolean required, Set<FieldType> types) {
    }

    private final String jsonName;
    private final List<Role> roles;

    VisualKind(String jsonName, List<Role> roles) {
        this.jsonName = jsonName;
        this.roles = roles;
    }

    public String jsonName() {
        return jsonName;
    }

    public List<Role> roles() {
        return roles;
    }

    public static Optional<VisualKind> fromJson(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName.equals(name)).findFirst();
    }
}
