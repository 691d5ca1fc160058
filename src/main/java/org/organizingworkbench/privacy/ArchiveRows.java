package org.organizingworkbench.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Rows of a native query as archive items: one JSON object per row, the columns named in order, numbers as numbers,
 * times as ISO-8601 UTC (the database keeps UTC), NULL as null. For {@link PersonalData#export} implementations.
 */
public final class ArchiveRows {

    private ArchiveRows() {
    }

    /** Adds the rows of {@code sql} (ordered by its first column) to {@code into}. */
    public static ArrayNode add(EntityManager em, ArrayNode into, String sql, String... names) {
        for (Object row : em.createNativeQuery(sql + " ORDER BY 1").getResultList()) {
            Object[] columns = names.length == 1 ? new Object[] {row} : (Object[]) row;
            ObjectNode item = into.addObject();
            for (int i = 0; i < names.length; i++) {
                put(item, names[i], columns[i]);
            }
        }
        return into;
    }

    private static void put(ObjectNode item, String name, Object value) {
        if (value == null) {
            item.putNull(name);
        } else if (value instanceof Double || value instanceof Float) {
            item.put(name, ((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            item.put(name, n.longValue());
        } else if (value instanceof Boolean b) {
            item.put(name, b);
        } else if (value instanceof Timestamp t) {
            item.put(name, t.toLocalDateTime().toInstant(ZoneOffset.UTC).toString());
        } else if (value instanceof LocalDateTime t) {
            item.put(name, t.toInstant(ZoneOffset.UTC).toString());
        } else {
            item.put(name, value.toString());
        }
    }
}
