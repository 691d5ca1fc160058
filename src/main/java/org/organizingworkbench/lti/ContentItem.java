package org.organizingworkbench.lti;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One content item of a Deep Linking response (Deep Linking 2.0 §3): an LTI resource link, the only type this tool
 * creates. {@code url} absent means the platform launches the tool's default target link URI.
 *
 * @param submissionEnd when submissions are due (Deep Linking 2.0 §3.4.2 {@code submission.endDateTime}; Canvas
 *                      makes it the assignment's due date), null for none
 */
public record ContentItem(String title, String text, String url, Map<String, String> custom, LineItem lineItem,
                          Instant submissionEnd) {

    public static final String LTI_RESOURCE_LINK = "ltiResourceLink";

    /**
     * The gradebook column the platform should create with the link (Deep Linking 2.0 §3.2, "lineItem").
     *
     * @param canvasToolUrl when the platform is Canvas, the launch URL of the link: sent as Canvas's line item
     *                      extension {@link org.organizingworkbench.lti.LineItem#CANVAS_SUBMISSION_TYPE}
     *                      ({@code "type": "external_tool"}), so the assignment Canvas makes is an External Tool
     *                      assignment bound to the tool; null for other platforms
     */
    public record LineItem(String label, double scoreMaximum, String resourceId, String tag, String canvasToolUrl) {
        public LineItem {
            if (!(scoreMaximum > 0)) {
                throw new IllegalArgumentException("scoreMaximum must be greater than 0");
            }
        }

        public LineItem(String label, double scoreMaximum, String resourceId, String tag) {
            this(label, scoreMaximum, resourceId, tag, null);
        }

        /** The same column, with Canvas's submission type extension pointing at the link's launch URL. */
        public LineItem forCanvas(String toolUrl) {
            return new LineItem(label, scoreMaximum, resourceId, tag, toolUrl);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            if (label != null) {
                json.put("label", label);
            }
            json.put("scoreMaximum", scoreMaximum);
            if (resourceId != null) {
                json.put("resourceId", resourceId);
            }
            if (tag != null) {
                json.put("tag", tag);
            }
            if (canvasToolUrl != null) {
                Map<String, Object> submissionType = new LinkedHashMap<>();
                submissionType.put("type", "external_tool");
                submissionType.put("external_tool_url", canvasToolUrl);
                json.put(org.organizingworkbench.lti.LineItem.CANVAS_SUBMISSION_TYPE, submissionType);
            }
            return json;
        }
    }

    public ContentItem {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }

    public static ContentItem ltiResourceLink(String title, String text, String url, Map<String, String> custom,
                                              LineItem lineItem) {
        return new ContentItem(title, text, url, custom, lineItem, null);
    }

    /** The same link, due at the given time (null: no due date). */
    public ContentItem dueAt(Instant end) {
        return new ContentItem(title, text, url, custom, lineItem, end);
    }

    public String type() {
        return LTI_RESOURCE_LINK;
    }

    public Optional<LineItem> lineItemDefinition() {
        return Optional.ofNullable(lineItem);
    }

    /** The JSON object of the content_items claim. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", LTI_RESOURCE_LINK);
        if (title != null) {
            json.put("title", title);
        }
        if (text != null) {
            json.put("text", text);
        }
        if (url != null) {
            json.put("url", url);
        }
        if (!custom.isEmpty()) {
            json.put("custom", new TreeMap<>(custom));
        }
        if (lineItem != null) {
            json.put("lineItem", lineItem.toJson());
        }
        if (submissionEnd != null) {
            json.put("submission", Map.of("endDateTime", org.organizingworkbench.lti.LineItem.dateTimeText(submissionEnd)));
        }
        return json;
    }
}
