package org.organizingworkbench.web.launch;

import org.organizingworkbench.web.Locales;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.launch.LaunchService;
import org.organizingworkbench.launch.LoginStarted;
import org.organizingworkbench.lti.LaunchRejectedException;
import org.organizingworkbench.lti.LoginInitiation;

import java.time.Duration;
import java.util.Locale;
import org.organizingworkbench.view.Templates;

/** OIDC login initiation (Security Framework 5.1.1.1), by GET or form POST. */
@Path("lti/login")
public class LoginResource {

    @Inject
    LaunchService launches;

    @Inject
    LaunchErrorPage errorPage;

    @Inject
    Templates templates;

    @Inject
    Settings settings;

    @GET
    public Response get(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return login(uri.getQueryParameters(), language);
    }

    @POST
    public Response post(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return login(form, language);
    }

    private Response login(MultivaluedMap<String, String> parameters, String language) {
        Locale locale = Locales.choose(language);
        try {
            LoginStarted started = launches.login(LoginInitiation.from(parameters::getFirst));
            String cookie = bindingCookie(started, settings.loginStateLifetime());
            if (started.storageTarget() == null) {
                return Response.seeOther(started.authenticationRequest()).header("Set-Cookie", cookie).build();
            }
            StorageLogin page = new StorageLogin(started.storageTarget(), started.platformOrigin(), started.storageKey(),
                    started.browserBinding(), started.authenticationRequest().toString());
            return Response.ok(templates.render("storage-login", locale, page), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Set-Cookie", cookie).build();
        } catch (LaunchRejectedException e) {
            return errorPage.render(e, locale, parameters.getFirst("iss"), null);
        }
    }

    /**
     * The fallback binding when Platform Storage is not there: a third-party cookie inside the LMS iframe, so
     * SameSite=None and Secure, and Partitioned (CHIPS) so browsers that block unpartitioned third-party cookies
     * keep it. Path-limited to the launch endpoint and gone after the login state's lifetime.
     */
    private static String bindingCookie(LoginStarted started, Duration lifetime) {
        return started.cookieName() + "=" + started.browserBinding() + "; Path=/lti/launch; Max-Age="
                + lifetime.toSeconds() + "; HttpOnly; Secure; SameSite=None; Partitioned";
    }

    /** Page {@code storage-login}: writes the login's binding into the platform's storage, then goes on to the platform. */
    record StorageLogin(String target, String origin, String key, String value, String next) {
    }
}
