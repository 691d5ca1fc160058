package org.organizingworkbench.emulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's Assignment and Grade Services 2.0 endpoints: line items (paged with {@code Link: rel="next"},
 * filtered as Moodle and Canvas filter them), scores (exact content type; taken or refused by the course's
 * {@link PlatformFlavour}) and results. Development profile only.
 */
@Path("emulator/ags/{context}/lineitems")
public class AgsResource {

    static final String LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    private static final String LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    private static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    private static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    private static final String RESULTS_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";

    @Inject
    Gradebook gradebook;

    @Inject
    ServiceTokens tokens;

    @Inject
    DevPlatform platform;

    @Inject
    EmulatorFaults faults;

    @PathParam("context")
    String context;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    /** AGS 2.0 §3.2.4, with the filters Moodle and Canvas support: resource_link_id, resource_id, tag. */
    @GET
    public Response list(@QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("from") @DefaultValue("0") int from,
                         @QueryParam("resource_link_id") String resourceLinkId, @QueryParam("resource_id") String resourceId,
                         @QueryParam("tag") String tag) {
        if (!allowed(LINEITEM, LINEITEM_READONLY)) {
            return Response.status(401).build();
        }
        List<Gradebook.LineItem> all = gradebook.lineItems(context).stream()
                .filter(i -> resourceLinkId == null || resourceLinkId.equals(i.resourceLinkId()))
                .filter(i -> resourceId == null || resourceId.equals(i.resourceId()))
                .filter(i -> tag == null || tag.equals(i.tag()))
                .toList();
        int end = Math.min(all.size(), from + Math.max(1, limit));
        Response.ResponseBuilder response = Response.ok(
                toJsonArray(all.subList(Math.min(from, end), end).stream().map(this::json).toList()), CONTAINER_TYPE);
        if (end < all.size()) {
            String filters = (resourceLinkId == null ? "" : "&resource_link_id=" + resourceLinkId)
                    + (resourceId == null ? "" : "&resource_id=" + resourceId) + (tag == null ? "" : "&tag=" + tag);
            response.header("Link", "<" + collectionUrl() + "?limit=" + limit + "&from=" + end + filters + ">; rel=\"next\"");
        }
        return response.build();
    }

    @POST
    @Consumes({LINEITEM_TYPE, "application/json"})
    public Response create(String body) {
        if (!allowed(LINEITEM)) {
            return Response.status(401).build();
        }
        try {
            Gradebook.LineItem item = gradebook.save(parse(0, body, null));
            return Response.status(201).type(LINEITEM_TYPE).entity(JSONObjectUtils.toJSONString(json(item))).build();
        } catch (ParseException | IllegalArgumentException e) {
            return Response.status(400).entity(e.getMessage()).build();
        }
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        if (!allowed(LINEITEM, LINEITEM_READONLY)) {
            return Response.status(401).build();
        }
        return gradebook.lineItem(context, id)
                .map(item -> Response.ok(JSONObjectUtils.toJSONString(json(item)), LINEITEM_TYPE).build())
                .orElse(Response.status(404).build());
    }

    @PUT
    @Path("{id}")
    @Consumes({LINEITEM_TYPE, "application/json"})
    public Response update(@PathParam("id") long id, String body) {
        if (!allowed(LINEITEM)) {
            return Response.status(401).build();
        }
        Optional<Gradebook.LineItem> existing = gradebook.lineItem(context, id);
        if (existing.isEmpty()) {
            return Response.status(404).build();
        }
        try {
            return Response.ok(JSONObjectUtils.toJSONString(json(gradebook.save(parse(id, body, existing.get())))),
                    LINEITEM_TYPE).build();
        } catch (ParseException | IllegalArgumentException e) {
            return Response.status(400).entity(e.getMessage()).build();
        }
    }

    @POST
    @Path("{id}/scores")
    @Consumes(SCORE_TYPE)
    public Response score(@PathParam("id") long id, String body) {
        if (!allowed(SCORE)) {
            return Response.status(401).build();
        }
        Optional<EmulatorFaults.Fault> fault = faults.next(EmulatorFaults.Service.SCORES);
        if (fault.isPresent()) {
            return EmulatorFaults.answer(fault.get());
        }
        Optional<Gradebook.LineItem> item = gradebook.lineItem(context, id);
        if (item.isEmpty()) {
            return Response.status(404).build();
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            String userId = JSONObjectUtils.getString(json, "userId");
            String timestamp = JSONObjectUtils.getString(json, "timestamp");
            String activity = JSONObjectUtils.getString(json, "activityProgress");
            String grading = JSONObjectUtils.getString(json, "gradingProgress");
            if (userId == null || timestamp == null || activity == null || grading == null) {
                return Response.status(400).entity("userId, timestamp, activityProgress and gradingProgress are required").build();
            }
            PlatformFlavour.ScorePost post = new PlatformFlavour.ScorePost(userId, number(json.get("scoreGiven")),
                    number(json.get("scoreMaximum")), JSONObjectUtils.getString(json, "comment"),
                    OffsetDateTime.parse(timestamp), activity, grading,
                    JSONObjectUtils.getJSONObject(json, "https://canvas.instructure.com/lti/submission"));
            String role = platform.roleIn(context, userId);
            PlatformFlavour.ScoreAnswer answer = gradebook.record(item.get(), platform.flavourOf(context), post,
                    role == null ? null : PlatformFlavour.gradable(role));
            return Response.status(answer.status()).entity(answer.body()).build();
        } catch (ParseException | DateTimeParseException e) {
            return Response.status(400).entity(e.getMessage()).build();
        }
    }

    /**
     * AGS 2.0 §3.3 results, paged with {@code Link: rel="next"}; without a limit the page holds 5 results, so the
     * demo course's ten learners span pages as a large course's do at a real LMS.
     */
    @GET
    @Path("{id}/results")
    public Response results(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("5") int limit,
                            @QueryParam("from") @DefaultValue("0") int from) {
        if (!allowed(RESULT_READONLY)) {
            return Response.status(401).build();
        }
        Optional<Gradebook.LineItem> item = gradebook.lineItem(context, id);
        if (item.isEmpty()) {
            return Response.status(404).build();
        }
        String itemUrl = platform.lineItemUrl(context, id);
        List<PlatformFlavour.Result> all = gradebook.results(id);
        int end = Math.min(all.size(), from + Math.max(1, limit));
        List<Map<String, Object>> results = all.subList(Math.min(from, end), end).stream().map(s -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", collectionUrl() + "/" + id + "/results/" + s.userId());
            r.put("scoreOf", itemUrl);
            r.put("userId", s.userId());
            if (s.grade() != null) {
                // The grade as the gradebook holds it, on the line item's scale.
                r.put("resultScore", s.grade());
                r.put("resultMaximum", item.get().scoreMaximum());
            }
            if (s.comment() != null) {
                r.put("comment", s.comment());
            }
            r.put("timestamp", s.timestamp().toString());
            return r;
        }).toList();
        Response.ResponseBuilder response = Response.ok(toJsonArray(results), RESULTS_TYPE);
        if (end < all.size()) {
            response.header("Link", "<" + collectionUrl() + "/" + id + "/results?limit=" + limit + "&from=" + end
                    + ">; rel=\"next\"");
        }
        return response.build();
    }

    private boolean allowed(String... scopes) {
        for (String scope : Set.of(scopes)) {
            if (tokens.allows(authorization, scope)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line item as POSTed or PUT. Both platforms need a label and a numeric scoreMaximum and keep resourceId and tag;
     * only a platform that keeps due dates ({@link PlatformFlavour#keepsDueDates}) takes endDateTime, and on a PUT
     * the link a line item is bound to stays.
     */
    private Gradebook.LineItem parse(long id, String body, Gradebook.LineItem existing) throws ParseException {
        Map<String, Object> json = JSONObjectUtils.parse(body);
        String label = JSONObjectUtils.getString(json, "label");
        Double maximum = number(json.get("scoreMaximum"));
        if (label == null || label.isBlank() || maximum == null || maximum <= 0) {
            throw new IllegalArgumentException("label and a positive numeric scoreMaximum are required");
        }
        PlatformFlavour flavour = platform.flavourOf(context);
        String end = existing == null ? null : existing.endDateTime();
        if (flavour.keepsDueDates() && json.containsKey("endDateTime")) {
            String sent = JSONObjectUtils.getString(json, "endDateTime");
            end = sent == null || sent.isBlank() ? null : OffsetDateTime.parse(sent).toInstant().toString();
        }
        String linkId = existing != null ? existing.resourceLinkId() : JSONObjectUtils.getString(json, "resourceLinkId");
        return new Gradebook.LineItem(id, context, label, maximum, blankToNull(JSONObjectUtils.getString(json, "resourceId")),
                linkId, blankToNull(JSONObjectUtils.getString(json, "tag")), end);
    }

    /** A line item as the flavour writes it: Moodle adds ltiLinkId and "" for a missing resourceId or tag. */
    private Map<String, Object> json(Gradebook.LineItem item) {
        boolean moodle = platform.flavourOf(context) == PlatformFlavour.MOODLE;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", platform.lineItemUrl(context, item.id()));
        json.put("label", item.label());
        json.put("scoreMaximum", item.scoreMaximum());
        if (item.resourceId() != null || moodle) {
            json.put("resourceId", item.resourceId() == null ? "" : item.resourceId());
        }
        if (item.tag() != null || moodle) {
            json.put("tag", item.tag() == null ? "" : item.tag());
        }
        if (item.resourceLinkId() != null) {
            json.put("resourceLinkId", item.resourceLinkId());
            if (moodle) {
                json.put("ltiLinkId", item.resourceLinkId());
            }
        }
        if (item.endDateTime() != null) {
            json.put("endDateTime", item.endDateTime());
        }
        return json;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The context's line items URL, without Moodle's query (the paging and filters add their own). */
    private String collectionUrl() {
        return platform.url("/emulator/ags/" + context + "/lineitems");
    }

    private static String toJsonArray(List<Map<String, Object>> list) {
        return "[" + String.join(",", list.stream().map(JSONObjectUtils::toJSONString).toList()) + "]";
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
