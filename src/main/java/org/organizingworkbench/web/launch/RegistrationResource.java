package org.organizingworkbench.web.launch;

import org.organizingworkbench.web.Locales;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.DynamicRegistrationClient;
import org.organizingworkbench.lti.DynamicRegistrationException;
import org.organizingworkbench.lti.RegistrationFailure;
import org.organizingworkbench.platform.DynamicRegistrations;
import org.organizingworkbench.platform.RegistrationConflictException;

import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;
import org.organizingworkbench.view.Templates;

/**
 * The tool's LTI Dynamic Registration URL, the one address an LMS administrator pastes into Moodle or Canvas. The
 * LMS opens it (Canvas in an iframe, Moodle in a dialog) with {@code openid_configuration} and
 * {@code registration_token}; the tool registers itself with the platform on the server and answers a page that
 * says what was registered, with a Done button that tells the LMS to close it ({@code org.imsglobal.lti.close},
 * from {@code static/registration.js}). A failure answers a page that names the step that failed, and one log line;
 * neither ever carries the registration token.
 */
@Path("lti/register")
public class RegistrationResource {

    public static final String CONFLICT = "REGISTRATION_CONFLICT";
    static final String ORIGIN_NOT_ALLOWED = "ORIGIN_NOT_ALLOWED";
    private static final Logger LOG = Logger.getLogger(RegistrationResource.class.getName());

    @Inject
    DynamicRegistrations registrations;

    @Inject
    Templates templates;

    @Inject
    Settings settings;

    @GET
    public Response register(@QueryParam("openid_configuration") String configurationUrl,
                             @QueryParam("registration_token") String registrationToken,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Locale locale = Locales.choose(language);
        String origin = origin(configurationUrl);
        if (origin != null && !settings.registrationAllowedFrom(origin)) {
            // Checked before any outbound request: the server must not fetch addresses a stranger chooses.
            return failurePage(ORIGIN_NOT_ALLOWED, "Tool policy: registrations are accepted only from the origins in"
                    + " WORKBENCH_REGISTRATION_ORIGINS", "origin " + origin + " is not allowed", 403, configurationUrl, locale);
        }
        try {
            DynamicRegistrations.Outcome outcome = registrations.register(configurationUrl, registrationToken);
            Registered page = new Registered(outcome.platform().name(), outcome.platform().issuer(),
                    outcome.platform().clientId(), outcome.deploymentId(), outcome.pendingApproval(),
                    outcome.alreadyRegistered(), family(outcome.productFamily()), settings.baseUrl() + "/admin");
            return html(200, templates.render("registration", locale, page));
        } catch (DynamicRegistrationException e) {
            RegistrationFailure failure = e.failure();
            return failurePage(failure.name(), failure.specification(), e.detail(), status(failure), configurationUrl, locale);
        } catch (RegistrationConflictException e) {
            return failurePage(CONFLICT, "Tool policy: a platform that registers itself never changes an existing registration",
                    e.getMessage(), 409, configurationUrl, locale);
        }
    }

    private Response failurePage(String failure, String specification, String detail, int status, String configurationUrl,
                                 Locale locale) {
        String configuration = shown(configurationUrl);
        LOG.warning(() -> "Dynamic registration failed: failure=" + failure + " openid_configuration=" + configuration
                + " detail=" + detail);
        return html(status, templates.render("registration-error", locale,
                new RegistrationFailed(failure, specification, detail, configuration)));
    }

    static int status(RegistrationFailure failure) {
        return failure == RegistrationFailure.REQUEST_INVALID ? 400 : 502;
    }

    /** Which platform's next steps to show: "canvas", "moodle" or "other". */
    static String family(String productFamily) {
        if ("canvas".equalsIgnoreCase(productFamily)) {
            return "canvas";
        }
        return "moodle".equalsIgnoreCase(productFamily) ? "moodle" : "other";
    }

    /** scheme://host[:port] of an absolute http(s) URL, or null when it is not one (the client reports that). */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The configuration URL without its query string, where a platform may carry the registration token. */
    private static String shown(String configurationUrl) {
        if (configurationUrl == null || configurationUrl.isBlank()) {
            return "-";
        }
        try {
            return DynamicRegistrationClient.redacted(URI.create(configurationUrl.trim()));
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    /** Page {@code registration}: what the platform now has, and whether an administrator must still approve it. */
    record Registered(String platformName, String issuer, String clientId, String deploymentId, boolean pending,
                      boolean alreadyRegistered, String family, String adminUrl) {
    }

    /** Page {@code registration-error}: the failed rule, where it is written, and the configuration URL as shown. */
    record RegistrationFailed(String failure, String specification, String detail, String configuration) {
    }
}
