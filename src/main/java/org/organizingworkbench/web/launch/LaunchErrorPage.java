package org.organizingworkbench.web.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.lti.LaunchRejectedException;
import org.organizingworkbench.lti.LaunchRule;

import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.organizingworkbench.view.Templates;

/**
 * A failed login or launch: a page that says what went wrong and what the admin should check, and a log line with
 * the reason. Neither ever carries the token.
 */
@ApplicationScoped
public class LaunchErrorPage {

    private static final Logger LOG = Logger.getLogger(LaunchErrorPage.class.getName());

    @Inject
    Templates templates;

    public Response render(LaunchRejectedException rejection, Locale locale, String issuer, Map<String, String> retryLogin) {
        LaunchRule rule = rejection.rule();
        LOG.warning(() -> "Launch rejected: rule=" + rule + " issuer=" + issuer + " detail=" + rejection.detail());
        LaunchRefused page = new LaunchRefused(rule.name(), rule.specification(), rejection.detail(), retryLogin);
        return Response.status(status(rule)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(templates.render("launch-error", locale, page)).build();
    }

    static int status(LaunchRule rule) {
        return switch (rule) {
            case LOGIN_PARAMETERS, NOT_A_JWT, ID_TOKEN_TOO_LARGE, DEEP_LINK_RETURN_URL_INVALID -> 400;
            case PLATFORM_UNKNOWN, PLATFORM_AMBIGUOUS, PLATFORM_PENDING, DEPLOYMENT_UNKNOWN, DEPLOYMENT_PENDING,
                 DEPLOYMENT_DISABLED -> 403;
            case PLATFORM_KEYS_UNAVAILABLE -> 502;
            default -> 401;
        };
    }

    /** Page {@code launch-error}: the launch rule that failed, where the specification says it, and a way to retry. */
    record LaunchRefused(String rule, String specification, String detail, Map<String, String> retryLogin) {
    }
}
