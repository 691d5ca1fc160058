package org.organizingworkbench.emulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.platform.ToolKeyRing;
import org.organizingworkbench.view.Templates;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The development platform's endpoints: the course page with "launch as" buttons (the tool in an iframe, as an LMS
 * shows it), the OIDC authorization endpoint, its JWKS, an OAuth token endpoint and a Names and Roles endpoint.
 * Registered by the JAX-RS application only in the development profile.
 */
@Path("emulator")
public class EmulatorResource {

    static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    DevPlatform platform;

    @Inject
    ServiceTokens serviceTokens;

    @Inject
    EmulatorFaults faults;

    @Inject
    Gradebook gradebook;

    @Inject
    CourseActivities activities;

    @Inject
    Settings settings;

    @Inject
    Templates templates;

    @Inject
    ToolKeyRing toolKeys;

    /** The Moodle-flavoured demo course, as its course page shows it. */
    @GET
    @Produces(HTML)
    public String coursePage() {
        return coursePage(PlatformFlavour.MOODLE);
    }

    /** The Canvas-flavoured demo course. */
    @GET
    @Path("canvas")
    @Produces(HTML)
    public String canvasCoursePage() {
        return coursePage(PlatformFlavour.CANVAS);
    }

    private String coursePage(PlatformFlavour flavour) {
        DemoCourse course = platform.course(flavour);
        Map<String, Object> model = new HashMap<>();
        model.put("flavour", flavour);
        model.put("course", course);
        model.put("loginUrl", settings.baseUrl() + "/lti/login");
        model.put("issuer", platform.issuer(flavour));
        model.put("clientId", DevPlatform.clientId(flavour));
        model.put("deploymentId", DevPlatform.deploymentId(flavour));
        model.put("targetLinkUri", settings.baseUrl() + "/");
        model.put("learners", course.learners());
        model.put("graders", course.staff());
        model.put("reviewHint", DevPlatform.SUBMISSION_REVIEW_HINT);
        model.put("placedHint", DevPlatform.PLACED_HINT);
        model.put("activities", activities.of(course.contextId()));
        model.put("columns", columns(course));
        return templates.render("emulator", Locale.ENGLISH, model);
    }

    /** A gradebook column as the LMS shows it: the line item and, for each learner, what its cell shows. */
    public record Column(Gradebook.LineItem lineItem, Map<String, String> shows) {
    }

    private List<Column> columns(DemoCourse course) {
        return gradebook.lineItems(course.contextId()).stream().map(item -> {
            Map<String, PlatformFlavour.Result> byUser = new HashMap<>();
            gradebook.results(item.id()).forEach(r -> byUser.put(r.userId(), r));
            Map<String, String> shows = new LinkedHashMap<>();
            course.learners().forEach(l -> shows.put(l.id(), course.flavour().shows(byUser.get(l.id()))));
            return new Column(item, shows);
        }).toList();
    }

    /** OIDC authorization endpoint (Security Framework 5.1.1.3): checks the request, answers with a form post. */
    @GET
    @Path("auth")
    @Produces(HTML)
    public Response authorizeGet(@Context UriInfo uri) {
        return authorize(uri.getQueryParameters());
    }

    @POST
    @Path("auth")
    @Produces(HTML)
    public Response authorizePost(MultivaluedMap<String, String> form) {
        return authorize(form);
    }

    private Response authorize(MultivaluedMap<String, String> request) {
        String redirectUri = settings.baseUrl() + "/lti/launch";
        String problem = authorizationProblem(request, redirectUri);
        String loginHint = request.getFirst("login_hint");
        PlatformFlavour flavour = DevPlatform.flavourOfClient(request.getFirst("client_id")).orElse(PlatformFlavour.MOODLE);
        Optional<DemoCourse> course = (flavour == PlatformFlavour.MOODLE ? DemoCourse.benchCourseFor(String.valueOf(loginHint))
                : Optional.<DemoCourse>empty())
                .or(() -> platform.course(flavour).member(String.valueOf(loginHint)).map(m -> platform.course(flavour)));
        if (problem == null && course.isEmpty()) {
            problem = "login_hint names no user of this platform";
        }
        if (problem != null) {
            return Response.status(400).entity(templates.render("emulator-error", Locale.ENGLISH,
                    Map.of("problem", problem))).build();
        }
        DemoCourse theCourse = course.get();
        DemoCourse.Member member = theCourse.member(loginHint).orElseThrow();
        String idToken = platform.idToken(theCourse, member, request.getFirst("lti_message_hint"), request.getFirst("nonce"));
        return Response.ok(templates.render("emulator-autopost", Locale.ENGLISH, Map.of("action", redirectUri,
                "fields", Map.of("id_token", idToken, "state", request.getFirst("state"))))).build();
    }

    private static String authorizationProblem(MultivaluedMap<String, String> request, String redirectUri) {
        if (!"openid".equals(request.getFirst("scope"))) {
            return "scope must be openid";
        }
        if (!"id_token".equals(request.getFirst("response_type"))) {
            return "response_type must be id_token";
        }
        if (!"form_post".equals(request.getFirst("response_mode"))) {
            return "response_mode must be form_post";
        }
        if (request.getFirst("prompt") != null && !"none".equals(request.getFirst("prompt"))) {
            return "prompt must be none";
        }
        if (DevPlatform.flavourOfClient(request.getFirst("client_id")).isEmpty()) {
            return "unknown client_id";
        }
        if (!redirectUri.equals(request.getFirst("redirect_uri"))) {
            return "redirect_uri is not the registered one (" + redirectUri + ")";
        }
        if (request.getFirst("nonce") == null || request.getFirst("state") == null) {
            return "nonce and state are required";
        }
        return null;
    }

    /**
     * The Deep Linking return URL: checks the tool's response as a platform does, then lists the links it would
     * create and adds a gradebook column for each link that asks for one. A failed check answers 400 and names it.
     */
    @POST
    @Path("deep-link-return")
    @Produces(HTML)
    public Response deepLinkReturn(@FormParam("JWT") String jwt) {
        PlatformFlavour flavour = DevPlatform.flavourOfClient(DeepLinkReturns.claimedIssuer(jwt)).orElse(PlatformFlavour.MOODLE);
        DeepLinkReturns.Outcome outcome = DeepLinkReturns.check(jwt, toolKeys.publicKeySet(), DevPlatform.clientId(flavour),
                platform.issuer(flavour), DevPlatform.deploymentId(flavour), platform::consumeDeepLinkData,
                java.time.Instant.now());
        Map<String, Object> model = new HashMap<>();
        model.put("flavour", flavour);
        if (!outcome.ok()) {
            model.put("failedCheck", outcome.failedCheck());
            model.put("detail", outcome.detail());
            return Response.status(400).entity(templates.render("emulator-deep-link-return", Locale.ENGLISH, model)).build();
        }
        DemoCourse course = platform.course(flavour);
        List<Map<String, Object>> created = new java.util.ArrayList<>();
        for (DeepLinkReturns.Link link : outcome.links()) {
            CourseActivities.Activity activity = place(flavour, course.contextId(), link);
            Map<String, Object> row = new HashMap<>();
            row.put("link", link);
            row.put("activity", activity);
            row.put("linkId", activity.linkId());
            row.put("custom", JSONObjectUtils.toJSONString(link.custom()));
            row.put("lineItem", activity.lineItemId() == null ? null
                    : gradebook.lineItem(course.contextId(), activity.lineItemId()).orElse(null));
            created.add(row);
        }
        model.put("created", created);
        model.put("gradebookSize", gradebook.lineItems(course.contextId()).size());
        return Response.ok(templates.render("emulator-deep-link-return", Locale.ENGLISH, model)).build();
    }

    /**
     * The activity the platform makes of a content item. Moodle (lti_convert_content_items): the item's title, a grade
     * item with the line item's label, maximum, resourceId and tag, and no dates. Canvas (deep_linking_modules.rb):
     * the line item's label becomes the assignment's title, and {@code submission.endDateTime} its due date.
     */
    private CourseActivities.Activity place(PlatformFlavour flavour, String context, DeepLinkReturns.Link link) {
        String linkId = activities.newLinkId(flavour);
        DeepLinkReturns.LineItemRequest li = link.lineItem();
        String title = flavour == PlatformFlavour.CANVAS && li != null && li.label() != null ? li.label() : link.title();
        String due = flavour.keepsDueDates() && li != null && link.submissionEnd() != null
                ? java.time.OffsetDateTime.parse(link.submissionEnd()).toInstant().toString() : null;
        Long lineItemId = li == null ? null : gradebook.save(new Gradebook.LineItem(0, context,
                li.label() != null ? li.label() : link.title(), li.scoreMaximum(), li.resourceId(), linkId, li.tag(), due)).id();
        Map<String, String> custom = new LinkedHashMap<>();
        link.custom().forEach((k, v) -> custom.put(k, String.valueOf(v)));
        CourseActivities.Activity activity = new CourseActivities.Activity(context, linkId, title, link.text(), custom,
                lineItemId, due);
        activities.add(activity);
        return activity;
    }

    @GET
    @Path("jwks")
    @Produces("application/jwk-set+json")
    public String jwks() {
        return platform.publicKeys().toString();
    }

    /** OAuth 2 client credentials with a JWT assertion (RFC 7523), as LTI Advantage services use. */
    @POST
    @Path("token")
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("client_assertion_type") String assertionType,
                          @FormParam("client_assertion") String assertion,
                          @FormParam("scope") @DefaultValue("") String scope) {
        Optional<EmulatorFaults.Fault> fault = faults.next(EmulatorFaults.Service.TOKEN);
        if (fault.isPresent()) {
            return EmulatorFaults.answer(fault.get());
        }
        if (!"client_credentials".equals(grantType)
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(assertionType) || assertion == null) {
            return oauthError("invalid_request");
        }
        String problem = serviceTokens.assertionProblem(assertion, platform.url("/emulator/token"));
        if (problem != null) {
            return oauthError(problem);
        }
        Set<String> scopes = Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", serviceTokens.issue(scopes, 3600));
        body.put("token_type", "Bearer");
        body.put("expires_in", 3600);
        body.put("scope", String.join(" ", scopes));
        return Response.ok(JSONObjectUtils.toJSONString(body)).build();
    }

    /** Names and Role Provisioning Services 2.0 membership container, paged with {@code limit} and {@code Link}. */
    @GET
    @Path("nrps/{context}")
    @Produces("application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
    public Response memberships(@PathParam("context") String context, @QueryParam("limit") @DefaultValue("0") int limit,
                                @QueryParam("from") @DefaultValue("0") int from,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!serviceTokens.allows(authorization, NRPS_SCOPE)) {
            return Response.status(401).build();
        }
        Optional<EmulatorFaults.Fault> fault = faults.next(EmulatorFaults.Service.NRPS);
        if (fault.isPresent()) {
            return EmulatorFaults.answer(fault.get());
        }
        Optional<DemoCourse> demo = platform.courseOf(context);
        PlatformFlavour flavour = platform.flavourOf(context);
        List<DemoCourse.Member> members;
        if (demo.isPresent()) {
            members = demo.get().members();
        } else {
            members = DemoCourse.benchRoster(context).orElse(null);
            if (members == null) {
                return Response.status(404).build();
            }
        }
        if (limit <= 0) {
            // The platform picks the page size when the tool does not: small for the demo course, so that even
            // 13 members span pages; 100 for the large benchmark rosters.
            limit = members.size() < 50 ? 5 : 100;
        }
        int end = Math.min(members.size(), from + limit);
        List<Map<String, Object>> page = members.subList(Math.min(from, end), end).stream().map(m -> Map.<String, Object>of(
                "status", "Active", "user_id", m.id(), "name", m.name(), "given_name", m.givenName(),
                "family_name", m.familyName(), "email", m.email(), "roles", flavour.rosterRoles(m.role()))).toList();
        String self = platform.url("/emulator/nrps/" + context);
        Response.ResponseBuilder response = Response.ok(JSONObjectUtils.toJSONString(Map.of("id", self,
                "context", Map.of("id", context), "members", page)));
        if (end < members.size()) {
            response.header("Link", "<" + self + "?limit=" + limit + "&from=" + end + ">; rel=\"next\"");
        }
        return response.build();
    }

    /**
     * Sets a fault on one of the emulator's services for the next {@code requests} requests (0 clears it):
     * service TOKEN, NRPS or SCORES; fault FAIL, STALL, CONFLICT or UNPROCESSABLE.
     */
    @POST
    @Path("faults")
    @Produces(MediaType.APPLICATION_JSON)
    public Response setFault(@FormParam("service") String service, @FormParam("fault") String fault,
                             @FormParam("requests") @DefaultValue("1") int requests) {
        try {
            faults.set(EmulatorFaults.Service.valueOf(String.valueOf(service).toUpperCase(Locale.ROOT)),
                    fault == null || fault.isBlank() ? null : EmulatorFaults.Fault.valueOf(fault.toUpperCase(Locale.ROOT)),
                    requests);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(JSONObjectUtils.toJSONString(Map.of("error", "unknown service or fault"))).build();
        }
        return faultState();
    }

    @GET
    @Path("faults")
    @Produces(MediaType.APPLICATION_JSON)
    public Response faultState() {
        Map<String, Object> state = new LinkedHashMap<>();
        faults.describe().forEach((service, description) -> state.put(service.name(), description));
        return Response.ok(JSONObjectUtils.toJSONString(state)).build();
    }

    /**
     * What the emulated LMS holds for a course: each line item with the latest score of each user and how many
     * scores it accepted from that user, and how many of those repeated an earlier one (a delivery sent twice).
     */
    @GET
    @Path("gradebook/{context}")
    @Produces(MediaType.APPLICATION_JSON)
    public String gradebook(@PathParam("context") String context) {
        PlatformFlavour flavour = platform.flavourOf(context);
        List<Map<String, Object>> items = gradebook.lineItems(context).stream().map(item -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", item.id());
            json.put("url", platform.lineItemUrl(context, item.id()));
            json.put("label", item.label());
            json.put("scoreMaximum", item.scoreMaximum());
            json.put("resourceId", item.resourceId());
            json.put("tag", item.tag());
            json.put("resourceLinkId", item.resourceLinkId());
            json.put("endDateTime", item.endDateTime());
            json.put("results", gradebook.results(item.id()).stream().map(score -> {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("userId", score.userId());
                result.put("scoreGiven", score.scoreGiven());
                result.put("scoreMaximum", score.scoreMaximum());
                result.put("grade", score.grade());
                result.put("shows", flavour.shows(score));
                result.put("comment", score.comment());
                result.put("activityProgress", score.activityProgress());
                result.put("gradingProgress", score.gradingProgress());
                result.put("needsReview", score.needsReview());
                result.put("submittedAt", score.submittedAt());
                result.put("attempts", score.attempts());
                result.put("timestamp", score.timestamp().toString());
                result.put("accepted", gradebook.acceptedScores(item.id(), score.userId()));
                result.put("repeated", gradebook.repeatedScores(item.id(), score.userId()));
                return result;
            }).toList());
            return json;
        }).toList();
        List<Map<String, Object>> placed = activities.of(context).stream().map(a -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("linkId", a.linkId());
            json.put("title", a.title());
            json.put("custom", a.custom());
            json.put("lineItemId", a.lineItemId());
            json.put("dueAt", a.dueAt());
            return json;
        }).toList();
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("flavour", flavour.name());
        book.put("lineItems", items);
        book.put("activities", placed);
        return JSONObjectUtils.toJSONString(book);
    }

    private static Response oauthError(String error) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(JSONObjectUtils.toJSONString(Map.of("error", error))).build();
    }
}
