package org.organizingworkbench.web.admin;

import org.organizingworkbench.web.Locales;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.infrastructure.AdminSecret;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.platform.Deployment;
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
import java.util.Optional;
import java.util.logging.Logger;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;

/**
 * The tool administrator's page: registered platforms and their deployments (approve the pending ones), a form to
 * register a platform, the tool's keys and their rotation. Protected by the admin secret from configuration: the
 * sign-in exchanges it for an admin token, which {@link AdminFilter} requires on every other admin request.
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
        return templates.render("admin", Locales.choose(language), signInModel(false, false));
    }

    @POST
    @Path("session")
    public Response signIn(@FormParam("secret") String secret, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                           @Context HttpServletRequest request) {
        Locale locale = Locales.choose(language);
        String client = access.client(request);
        if (!access.signInAllowed(client)) {
            LOG.warning(() -> "Admin sign-in refused: too many wrong secrets from " + client + " in the last minute");
            return Response.status(429).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Retry-After", "60")
                    .entity(templates.render("admin", locale, signInModel(false, true))).build();
        }
        if (!access.secretMatches(secret, client)) {
            LOG.warning(() -> "Admin sign-in refused: wrong secret from " + client);
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(templates.render("admin", locale, signInModel(true, false))).build();
        }
        AdminPanel panel = panel(AdminOutcome.NONE).withAuthHeaders(PageContext.bearerHeaders(access.issueToken()));
        return Response.ok(templates.render("admin-dashboard", locale, panel)).build();
    }

    @GET
    @Path("dashboard")
    public String dashboard(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return render(language, AdminOutcome.NONE);
    }

    @POST
    @Path("platforms")
    public Response register(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        PlatformRegistration registration = new PlatformRegistration(value(form, "name"), value(form, "issuer"),
                value(form, "clientId"), value(form, "authUrl"), value(form, "tokenUrl"), value(form, "jwksUrl"),
                list(form, "deploymentIds"), list(form, "siteOrigins"));
        try {
            Platform platform = registry.register(registration);
            LOG.info(() -> "Admin registered platform " + platform.issuer() + " / " + platform.clientId());
            return Response.ok(render(language, AdminOutcome.saved(platform.name()))).build();
        } catch (InvalidRegistrationException e) {
            Map<String, String> typed = new HashMap<>();
            for (String field : List.of("name", "issuer", "clientId", "authUrl", "tokenUrl", "jwksUrl", "deploymentIds",
                    "siteOrigins")) {
                typed.put(field, value(form, field));
            }
            return Response.status(422).entity(render(language, AdminOutcome.invalid(e.fields(), typed))).build();
        }
    }

    /** A platform that registered itself (LTI Dynamic Registration) may launch from now on. */
    @POST
    @Path("platforms/{id}/approve")
    public String approvePlatform(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Optional<Platform> platform = registry.byId(id);
        registry.approvePlatform(id);
        platform.ifPresent(p -> LOG.info(() -> "Admin approved platform " + p.issuer() + " / " + p.clientId()));
        return render(language, platform.map(p -> AdminOutcome.approved(p.name())).orElse(AdminOutcome.NONE));
    }

    /** Removes a platform that registered itself and is still waiting; an approved platform is never removed here. */
    @POST
    @Path("platforms/{id}/reject")
    public String rejectPlatform(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Optional<Platform> platform = registry.byId(id);
        boolean removed = registry.rejectPending(id);
        if (removed && platform.isPresent()) {
            Platform p = platform.get();
            LOG.info(() -> "Admin rejected platform " + p.issuer() + " / " + p.clientId());
            return render(language, AdminOutcome.rejected(p.name()));
        }
        return render(language, AdminOutcome.NONE);
    }

    /** Approves a waiting deployment, or enables a disabled one again: its launches reach the same courses. */
    @POST
    @Path("deployments/{id}/approve")
    public String approve(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        registry.approve(id);
        registry.deploymentById(id).ifPresent(d -> LOG.info(() -> "Admin enabled deployment " + d.deploymentId()
                + " of " + d.platform().issuer()));
        return render(language, AdminOutcome.NONE);
    }

    /** Stops a deployment's launches; its courses and students' work are all kept. */
    @POST
    @Path("deployments/{id}/disable")
    public String disable(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        registry.disable(id);
        registry.deploymentById(id).ifPresent(d -> LOG.info(() -> "Admin disabled deployment " + d.deploymentId()
                + " of " + d.platform().issuer() + " (data kept)"));
        return render(language, AdminOutcome.disabled(registry.deploymentById(id)
                .map(d -> d.deploymentId()).orElse("")));
    }

    /** Forgets a deployment still waiting for approval, which never had a course; any other is kept. */
    @POST
    @Path("deployments/{id}/remove")
    public String remove(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        if (!registry.removeDeployment(id)) {
            return render(language, AdminOutcome.kept());
        }
        return render(language, AdminOutcome.NONE);
    }

    @POST
    @Path("keys/rotate")
    public String rotate(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        String kid = keyRing.rotate();
        LOG.info(() -> "Admin rotated the signing key; current kid is now " + kid);
        return render(language, AdminOutcome.rotatedTo(kid));
    }

    private String render(String language, AdminOutcome outcome) {
        return templates.render("fragments/admin-panel", Locales.choose(language), panel(outcome));
    }

    private AdminSignIn signInModel(boolean failed, boolean throttled) {
        return new AdminSignIn(access.enabled(), failed, throttled,
                access.secretProblem().map(Enum::name).orElse(null), AdminSecret.MINIMUM_LENGTH);
    }

    private AdminPanel panel(AdminOutcome outcome) {
        Map<Platform, List<Deployment>> platforms = new LinkedHashMap<>();
        for (Platform platform : registry.all()) {
            platforms.put(platform, registry.deployments(platform));
        }
        return new AdminPanel(null, platforms, platforms.keySet().stream().filter(p -> !p.isActive()).toList(),
                keyRing.signingKeys(), settings.baseUrl(), outcome);
    }


    /** A field of several values, separated by spaces or commas. */
    private static List<String> list(MultivaluedMap<String, String> form, String field) {
        return Arrays.stream(value(form, field).split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String value(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.trim();
    }
}
