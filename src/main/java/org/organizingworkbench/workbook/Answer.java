package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** The latest saved value of one field of one exercise of a student's workbook, and how many saves led to it. */
public record Answer(String exerciseId, String fieldId, int revision, JsonNode value, Instant savedAt) {
}
