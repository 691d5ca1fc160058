package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One save of an answer, as it was. {@code restoredFrom} is the revision it brought back, when it was a restore.
 *
 * @param savedBy the name of who saved it (the student, or null when unknown)
 */
public record Revision(int number, JsonNode value, Instant savedAt, String savedBy, Integer restoredFrom) {
}
