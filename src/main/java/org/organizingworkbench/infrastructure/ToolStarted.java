package org.organizingworkbench.infrastructure;

/** Fired once the schema is current and the tool's keys exist: from here on, the database may be used. */
public record ToolStarted() {
}
