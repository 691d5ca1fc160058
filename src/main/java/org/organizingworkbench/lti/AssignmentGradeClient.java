package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Assignment and Grade Services 2.0: line items (list with {@code rel="next"} pages, get, create, update), scores
 * and results. Every non-2xx answer becomes a {@link ServiceException} with the status and the start of the body:
 * Moodle answers 409 to a score not newer than the stored one, Canvas 400 to an older one and 422 to a user who is
 * not a student, and the caller decides what each means.
 */
public final class AssignmentGradeClient {
    static final String LINEITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINEITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

    private static final Set<String> READ_LINE_ITEMS = Set.of(ServiceScope.LINEITEM, ServiceScope.LINEITEM_READONLY);
    private static final Set<String> WRITE_LINE_ITEMS = Set.of(ServiceScope.LINEITEM);
    private static final Set<String> POST_SCORES = Set.of(ServiceScope.SCORE);
    private static final Set<String> READ_RESULTS = Set.of(ServiceScope.RESULT_READONLY);

    private final ServiceRequests requests;

    public AssignmentGradeClient(ServiceTokenClient tokens) {
        this.requests = new ServiceRequests(tokens);
    }

    /** The line items of the context, all pages read; the filter's non-null fields are added to the URL's query. */
    public List<LineItem> listLineItems(ServiceRegistration registration, String lineItemsUrl, LineItemFilter filter)
            throws ServiceException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("resource_link_id", filter.resourceLinkId());
        query.put("tag", filter.tag());
        query.put("resource_id", filter.resourceId());
        String url = edited(lineItemsUrl, () -> ServiceUrl.withQueryParameters(lineItemsUrl, query));
        List<LineItem> items = new ArrayList<>();
        requests.readPages(registration, url, LINEITEM_CONTAINER, READ_LINE_ITEMS, page -> {
            for (Object item : ServiceRequests.arrayBody(page)) {
                items.add(lineItemFrom(page, item));
            }
        });
        return items;
    }

    public List<LineItem> listLineItems(ServiceRegistration registration, String lineItemsUrl) throws ServiceException {
        return listLineItems(registration, lineItemsUrl, LineItemFilter.none());
    }

    public LineItem getLineItem(ServiceRegistration registration, String lineItemUrl) throws ServiceException {
        HttpResponse<String> response = requests.get(registration, lineItemUrl, LINEITEM, READ_LINE_ITEMS);
        return lineItemFrom(response, ServiceRequests.objectBody(response));
    }

    /** POSTs a new line item (without id) to the context's line items URL; returns it as created, with its id. */
    public LineItem createLineItem(ServiceRegistration registration, String lineItemsUrl, LineItem item)
            throws ServiceException {
        if (item.id() != null) {
            throw new IllegalArgumentException("a new line item has no id yet; use updateLineItem for " + item.id());
        }
        HttpResponse<String> response = requests.send(registration, "POST", lineItemsUrl, LINEITEM, LINEITEM,
                JSONObjectUtils.toJSONString(item.toJson()), WRITE_LINE_ITEMS);
        return lineItemFrom(response, ServiceRequests.objectBody(response));
    }

    /** PUTs the whole line item to its id (URL); returns it as the platform stored it. */
    public LineItem updateLineItem(ServiceRegistration registration, LineItem item) throws ServiceException {
        if (item.id() == null) {
            throw new IllegalArgumentException("only a line item with an id (its URL) can be updated");
        }
        HttpResponse<String> response = requests.send(registration, "PUT", item.id(), LINEITEM, LINEITEM,
                JSONObjectUtils.toJSONString(item.toJson()), WRITE_LINE_ITEMS);
        if (response.body() == null || response.body().isBlank()) {
            return item;
        }
        return lineItemFrom(response, ServiceRequests.objectBody(response));
    }

    /** POSTs the score to the line item's scores URL ({@link #scoresUrl}). */
    public void postScore(ServiceRegistration registration, String lineItemUrl, Score score) throws ServiceException {
        String url = edited(lineItemUrl, () -> scoresUrl(lineItemUrl));
        requests.send(registration, "POST", url, SCORE, null, JSONObjectUtils.toJSONString(score.toJson()), POST_SCORES);
    }

    /** The current results of the line item, all pages read. */
    public List<LineItemResult> readResults(ServiceRegistration registration, String lineItemUrl) throws ServiceException {
        String url = edited(lineItemUrl, () -> resultsUrl(lineItemUrl));
        List<LineItemResult> results = new ArrayList<>();
        requests.readPages(registration, url, RESULT_CONTAINER, READ_RESULTS, page -> {
            for (Object result : ServiceRequests.arrayBody(page)) {
                if (result instanceof Map<?, ?> json) {
                    results.add(LineItemResult.fromJson(stringKeys(json)));
                }
            }
        });
        return results;
    }

    /**
     * AGS 2.0 §3.4: the line item URL with {@code /scores} added to its path, keeping its query:
     * {@code …/lineitem?type_id=1} becomes {@code …/lineitem/scores?type_id=1} (Moodle).
     *
     * @throws IllegalArgumentException when the URL is not absolute
     */
    public static String scoresUrl(String lineItemUrl) {
        return ServiceUrl.withPathSegment(lineItemUrl, "scores");
    }

    /** AGS 2.0 §3.3: the line item URL with {@code /results} added to its path, keeping its query. */
    public static String resultsUrl(String lineItemUrl) {
        return ServiceUrl.withPathSegment(lineItemUrl, "results");
    }

    private static String edited(String url, Supplier<String> edit) throws ServiceException {
        try {
            return edit.get();
        } catch (IllegalArgumentException e) {
            throw new ServiceException(0, url, "not sent: " + e.getMessage(), e);
        }
    }

    private static LineItem lineItemFrom(HttpResponse<String> response, Object json) throws ServiceException {
        if (!(json instanceof Map<?, ?> map)) {
            throw new ServiceException(response.statusCode(), response.uri().toString(), "a line item is not a JSON object");
        }
        try {
            return LineItem.fromJson(stringKeys(map));
        } catch (IllegalArgumentException e) {
            throw new ServiceException(response.statusCode(), response.uri().toString(), e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> json) {
        return (Map<String, Object>) json;
    }
}
