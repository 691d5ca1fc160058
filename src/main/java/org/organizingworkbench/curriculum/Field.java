package org.organizingworkbench.curriculum;

import java.util.List;
import java.util.Optional;

/**
 * One thing an exercise asks the student to fill in. Settings that do not apply to the {@link #type()} are null
 * (or empty): wordLimit for short and long text, minItems/maxItems for lists and tables, columns for tables,
 * options and multiple for choices, target and unit for numbers.
 */
public record Field(String id, FieldType type, LocalizedText label, LocalizedText help, boolean required,
                    Integer wordLimit, Integer minItems, Integer maxItems, List<Field> columns,
                    List<ChoiceOption> options, boolean multiple, Double target, LocalizedText unit) {

    public Field {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
    }

    /** A table's column by id. */
    public Optional<Field> column(String columnId) {
        return columns.stream().filter(column -> column.id().equals(columnId)).findFirst();
    }
}
