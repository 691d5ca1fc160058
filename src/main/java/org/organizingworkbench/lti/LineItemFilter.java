package org.organizingworkbench.lti;

/** The query filters of a line items GET (AGS 2.0 §3.2.4); null fields are not sent. */
public record LineItemFilter(String resourceLinkId, String tag, String resourceId) {

    public static LineItemFilter none() {
        return new LineItemFilter(null, null, null);
    }

    public static LineItemFilter byResourceLinkId(String resourceLinkId) {
        return new LineItemFilter(resourceLinkId, null, null);
    }

    public static LineItemFilter byTag(String tag) {
        return new LineItemFilter(null, tag, null);
    }

    public static LineItemFilter byResourceId(String resourceId) {
        return new LineItemFilter(null, null, resourceId);
    }
}
