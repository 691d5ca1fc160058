package org.organizingworkbench.curriculum;

import java.util.Map;
import java.util.Optional;

/**
 * A diagram an exercise draws from one of its own table fields: the {@link #kind()}, the table's field id, and
 * which column plays each of the kind's roles ({@code "name" → "member"}). Optional roles may be absent.
 */
public record Visual(VisualKind kind, String table, Map<String, String> columns) {

    public Visual {
        columns = Map.copyOf(columns);
    }

    /** The column id that plays {@code role}, when the curriculum names one. */
    public Optional<String> column(String role) {
        return Optional.ofNullable(columns.get(role));
    }
}
