package org.organizingworkbench.web.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A prompt of the review form as the shared field fragment ({@code fragments/fields}) draws it: the same
 * accessors as a workbook field, so the form looks and saves as the workbook does.
 */
public record PromptView(String id, String type, String label, String help, boolean required, Integer wordLimit,
                         Integer minItems, Integer maxItems, String unit, Double target, boolean multiple,
                         List<Level> options, List<PromptView> columns, JsonNode value, int revision, int words) {

    /** A rubric level. */
    public record Level(String value, String label) {
    }
}
