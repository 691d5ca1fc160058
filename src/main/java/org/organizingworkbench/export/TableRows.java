package org.organizingworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table answer as a diagram reads it: rows of cells by column id; lenient about shapes. */
final class TableRows {

    private TableRows() {
    }

    /** A table answer's rows, each cell by column id; rows that are not objects are skipped. */
    static List<Map<String, JsonNode>> rows(JsonNode table) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        if (table != null && table.isArray()) {
            for (JsonNode row : table) {
                if (row.isObject()) {
                    Map<String, JsonNode> cells = new LinkedHashMap<>();
                    row.fields().forEachRemaining(cell -> cells.put(cell.getKey(), cell.getValue()));
                    rows.add(cells);
                }
            }
        }
        return rows;
    }
}
