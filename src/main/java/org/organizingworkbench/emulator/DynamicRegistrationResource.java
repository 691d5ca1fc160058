package org.organizingworkbench.emulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.view.Templates;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated platforms' LTI Dynamic Registration endpoints, per flavour (moodle, canvas): a page where the LMS
 * administrator starts a registration (the tool's registration URL in an iframe, as Canvas shows it), the start
 * itself (a fresh registration token, then the redirect to the tool), the OpenID configuration (Bearer token
 * required) and the registration endpoint. Registered by the JAX-RS application only in the development profile.
 */
@Path("emulator/dr")
public class DynamicRegistrationResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    DynamicRegistrationPlatform platform;

    @Inject
    Settings settings;

    @Inject
    Templates templates;

    @GET
    @Produces(HTML)
    public String page() {
        Map<String, Object> model = new HashMap<>();
        model.put("flavours", Arrays.stream(DynamicRegistrationPlatform.Flavour.values()).map(f -> Map.of(
                "path", f.path(), "label", f == DynamicRegistrationPlatform.Flavour.MOODLE ? "Moodle" : "Canvas",
                "issuer", platform.issuer(f))).toList());
        model.put("registrations", platform.registrations());
        model.put("registrationUrl", settings.baseUrl() + "/lti/register");
        URI tool = URI.create(settings.baseUrl());
        model.put("toolOrigin", tool.getScheme() + "://" + tool.getRawAuthority());
        return templates.render("emulator-dr", Locale.ENGLISH, model);
    }

    /** What the LMS does when its administrator enters the tool's registration URL: open it with a fresh token. */
    @GET
    @Path("{flavour}/start")
    public Response start(@PathParam("flavour") String flavourPath) {
        DynamicRegistrationPlatform.Flavour flavour = flavour(flavourPath);
        String target = settings.baseUrl() + "/lti/register?openid_configuration="
                + encode(platform.configurationUrl(flavour)) + "&registration_token=" + encode(platform.issueToken(flavour));
        return Response.seeOther(URI.create(target)).build();
    }

    @GET
    @Path("{flavour}/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openIdConfiguration(@PathParam("flavour") String flavourPath,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        DynamicRegistrationPlatform.Flavour flavour = flavour(flavourPath);
        if (!platform.authorized(flavour, authorization)) {
            return unauthorized();
        }
        return Response.ok(JSONObjectUtils.toJSONString(platform.openIdConfiguration(flavour))).build();
    }

    @POST
    @Path("{flavour}/register")
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("flavour") String flavourPath, String body,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        DynamicRegistrationPlatform.Flavour flavour = flavour(flavourPath);
        if (!platform.authorized(flavour, authorization)) {
            return unauthorized();
        }
        Map<String, Object> registration;
        try {
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)) {
                throw new ParseException("Content-Type must be application/json", 0);
            }
            registration = JSONObjectUtils.parse(body == null ? "" : body);
        } catch (ParseException e) {
            return refused(flavour, new DynamicRegistrationPlatform.Problem("body", "the registration must be a JSON object"));
        }
        Optional<DynamicRegistrationPlatform.Problem> problem = platform.problem(flavour, registration);
        if (problem.isPresent()) {
            return refused(flavour, problem.get());
        }
        platform.useUp(authorization);
        return Response.ok(JSONObjectUtils.toJSONString(platform.accept(flavour, registration))).build();
    }

    /** Moodle answers its registration_exception as plain text; Canvas as 422 with an errors list (canvas-lms #2396). */
    private static Response refused(DynamicRegistrationPlatform.Flavour flavour, DynamicRegistrationPlatform.Problem problem) {
        if (flavour == DynamicRegistrationPlatform.Flavour.MOODLE) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(problem.message()).build();
        }
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(JSONObjectUtils.toJSONString(
                Map.of("errors", List.of(Map.of("field", problem.field(), "message", problem.message()))))).build();
    }

    private static Response unauthorized() {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSONObjectUtils.toJSONString(Map.of("error", "invalid_token",
                        "error_description", "a valid registration token is required as Bearer"))).build();
    }

    private static DynamicRegistrationPlatform.Flavour flavour(String path) {
        return DynamicRegistrationPlatform.Flavour.of(path).orElseThrow(NotFoundException::new);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
