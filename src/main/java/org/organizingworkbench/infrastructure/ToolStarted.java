package org.organizingworkbench.infrastructure;

/**
 * Fired once the schema is current: from here on, the database may be used. The platform's observer runs first
 * (priority {@code PLATFORM_BEFORE}) and makes the tool's keys, so observers of default priority find them.
 */
public record ToolStarted() {
}
