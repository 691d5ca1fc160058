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
 * The emulator's Assignment and Grade Services 2.0 endpoints: line items (paged with {@code Link: rel="next"}),
 * scores (exact content type, strictly increasing timestamps) and results. Development profile only.
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

    @GET
    public Response list(@QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("from") @DefaultValue("0") int from) {
        if (!allowed(LINEITEM, LINEITEM_READONLY)) {
            return Response.status(401).build();
        }
        List<Gradebook.LineItem> all = gradebook.lineItems(context);
        int end = Math.min(all.size(), from + Math.max(1, limit));
        Response.ResponseBuilder response = Response.ok(
                toJsonArray(all.subList(Math.min(from, end), end).stream().map(this::json).toList()), CONTAINER_TYPE);
        if (end < all.size()) {
            response.header("Link", "<" + collectionUrl() + "?limit=" + limit + "&from=" + end + ">; rel=\"next\"");
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
            Gradebook.LineItem item = gradebook.save(parse(0, body));
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
        if (gradebook.lineItem(context, id).isEmpty()) {
            return Response.status(404).build();
        }
        try {
            return Response.ok(JSONObjectUtils.toJSONString(json(gradebook.save(parse(id, body)))), LINEITEM_TYPE).build();
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
        if (gradebook.lineItem(context, id).isEmpty()) {
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
            Gradebook.Score score = new Gradebook.Score(userId, number(json.get("scoreGiven")),
                    number(json.get("scoreMaximum")), JSONObjectUtils.getString(json, "comment"),
                    OffsetDateTime.parse(timestamp), activity, grading);
            if (!gradebook.record(id, score)) {
                return Response.status(409).entity("Refusing score with an earlier timestamp").build();
            }
            return Response.ok().build();
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
        if (gradebook.lineItem(context, id).isEmpty()) {
            return Response.status(404).build();
        }
        String itemUrl = collectionUrl() + "/" + id;
        List<Gradebook.Score> all = gradebook.results(id);
        int end = Math.min(all.size(), from + Math.max(1, limit));
        List<Map<String, Object>> results = all.subList(Math.min(from, end), end).stream().map(s -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", itemUrl + "/results/" + s.userId());
            r.put("scoreOf", itemUrl);
            r.put("userId", s.userId());
            if (s.scoreGiven() != null) {
                r.put("resultScore", s.scoreGiven());
                r.put("resultMaximum", s.scoreMaximum());
            }
            if (s.comment() != null) {
                r.put("comment", s.comment());
            }
            r.put("timestamp", s.timestamp().toString());
            return r;
        }).toList();
        Response.ResponseBuilder response = Response.ok(toJsonArray(results), RESULTS_TYPE);
        if (end < all.size()) {
            response.header("Link", "<" + itemUrl + "/results?limit=" + limit + "&from=" + end + ">; rel=\"next\"");
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

    private Gradebook.LineItem parse(long id, String body) throws ParseException {
        Map<String, Object> json = JSONObjectUtils.parse(body);
        String label = JSONObjectUtils.getString(json, "label");
        Double maximum = number(json.get("scoreMaximum"));
        if (label == null || label.isBlank() || maximum == null || maximum <= 0) {
            throw new IllegalArgumentException("label and a positive numeric scoreMaximum are required");
        }
        return new Gradebook.LineItem(id, context, label, maximum, JSONObjectUtils.getString(json, "resourceId"),
                JSONObjectUtils.getString(json, "resourceLinkId"), JSONObjectUtils.getString(json, "tag"));
    }

    private Map<String, Object> json(Gradebook.LineItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", collectionUrl() + "/" + item.id());
        json.put("label", item.label());
        json.put("scoreMaximum", item.scoreMaximum());
        if (item.resourceId() != null) {
            json.put("resourceId", item.resourceId());
        }
        if (item.resourceLinkId() != null) {
            json.put("resourceLinkId", item.resourceLinkId());
        }
        if (item.tag() != null) {
            json.put("tag", item.tag());
        }
        return json;
    }

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
