package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.platform.InvalidRegistrationException;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistration;
import org.organizingworkbench.platform.PlatformRegistry;
import org.organizingworkbench.platform.ToolKeyRing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The tool administrator's page: registered platforms and their deployments (approve the pending ones), a form to
 * register a platform, the tool's keys and their rotation. Protected by the admin secret from configuration.
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class.getName());

    @Inject
    AdminAccess access;

    @Inject
    PlatformRegistry registry;

    @Inject
    ToolKeyRing keyRing;

    @Inject
    Templates templates;

    @Inject
    Settings settings;

    @GET
    public String loginPage(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return templates.render("admin", Locales.choose(language), Map.of("enabled", access.enabled(), "failed", false));
    }

    @POST
    @Path("session")
    public Response signIn(@FormParam("secret") String secret, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Locale locale = Locales.choose(language);
        if (!access.secretMatches(secret)) {
            LOG.warning("Admin sign-in refused: wrong secret");
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(templates.render("admin", locale, Map.of("enabled", access.enabled(), "failed", true))).build();
        }
        Map<String, Object> model = dashboardModel();
        model.put("authHeaders", HomePage.bearerHeaders(access.issueToken()));
        return Response.ok(templates.render("admin-dashboard", locale, model)).build();
    }

    @GET
    @Path("dashboard")
    public Response dashboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return authorized(authorization, language, Map.of());
    }

    @POST
    @Path("platforms")
    public Response register(MultivaluedMap<String, String> form,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        if (!access.tokenValid(authorization)) {
            return unauthorized(language);
        }
        List<String> deployments = Arrays.stream(java.util.Objects.toString(form.getFirst("deploymentIds"), "").split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty() && !"null".equals(s)).toList();
        PlatformRegistration registration = new PlatformRegistration(form.getFirst("name"), trim(form.getFirst("issuer")),
                trim(form.getFirst("clientId")), trim(form.getFirst("authUrl")), trim(form.getFirst("tokenUrl")),
                trim(form.getFirst("jwksUrl")), deployments);
        try {
            Platform platform = registry.register(registration);
            LOG.info(() -> "Admin registered platform " + platform.issuer() + " / " + platform.clientId());
            return authorized(authorization, language, Map.of("saved", platform.name()));
        } catch (InvalidRegistrationException e) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("invalidFields", e.fields());
            extra.put("formValues", Map.of("name", java.util.Objects.toString(form.getFirst("name"), ""),
                    "issuer", java.util.Objects.toString(form.getFirst("issuer"), ""), "clientId", java.util.Objects.toString(form.getFirst("clientId"), ""),
                    "authUrl", java.util.Objects.toString(form.getFirst("authUrl"), ""), "tokenUrl", java.util.Objects.toString(form.getFirst("tokenUrl"), ""),
                    "jwksUrl", java.util.Objects.toString(form.getFirst("jwksUrl"), ""), "deploymentIds", String.join(" ", deployments)));
            return Response.status(422).entity(render(language, extra)).build();
        }
    }

    @POST
    @Path("deployments/{id}/approve")
    public Response approve(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        if (!access.tokenValid(authorization)) {
            return unauthorized(language);
        }
        registry.approve(id);
        return authorized(authorization, language, Map.of());
    }

    @POST
    @Path("deployments/{id}/remove")
    public Response remove(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        if (!access.tokenValid(authorization)) {
            return unauthorized(language);
        }
        registry.removeDeployment(id);
        return authorized(authorization, language, Map.of());
    }

    @POST
    @Path("keys/rotate")
    public Response rotate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        if (!access.tokenValid(authorization)) {
            return unauthorized(language);
        }
        String kid = keyRing.rotate();
        LOG.info(() -> "Admin rotated the signing key; current kid is now " + kid);
        return authorized(authorization, language, Map.of("rotatedTo", kid));
    }

    private Response authorized(String authorization, String language, Map<String, Object> extra) {
        if (!access.tokenValid(authorization)) {
            return unauthorized(language);
        }
        return Response.ok(render(language, extra)).build();
    }

    private String render(String language, Map<String, Object> extra) {
        Map<String, Object> model = dashboardModel();
        model.putAll(extra);
        return templates.render("fragments/admin-panel", Locales.choose(language), model);
    }

    private Map<String, Object> dashboardModel() {
        Map<String, Object> model = new HashMap<>();
        Map<Platform, Object> platforms = new LinkedHashMap<>();
        for (Platform platform : registry.all()) {
            platforms.put(platform, registry.deployments(platform));
        }
        model.put("platforms", platforms);
        model.put("keys", keyRing.signingKeys());
        model.put("baseUrl", settings.baseUrl());
        return model;
    }

    private Response unauthorized(String language) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(templates.render("session-ended", Locales.choose(language), Map.of("admin", true))).build();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
