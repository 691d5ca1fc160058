package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.organizingworkbench.launch.Session;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * What a person sees when a page is not there or not theirs (404, 403, 405…): a short page in their language, or
 * JSON for a script that asked for it, instead of the server's own, which would name the server. A 404 does not say
 * whether the thing exists. A request that could not be read (400, 405, 406, 415) leaves one log line.
 */
@Provider
public class RefusalPage implements ExceptionMapper<ClientErrorException> {

    private static final Logger LOG = Logger.getLogger(RefusalPage.class.getName());

    @Inject
    RefusalPages refusals;

    /** A proxy to the current request (a provider lives longer than one request). */
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ClientErrorException refusal) {
        int status = refusal.getResponse().getStatus();
        RefusalPages.Kind kind = RefusalPages.Kind.of(status);
        if (status == 400 || status == 405 || status == 406 || status == 415) {
            LOG.info(() -> "Request answered " + status + ": " + request.getMethod() + " " + request.getRequestURI()
                    + " (" + refusal.getClass().getSimpleName() + ")");
        }
        Response.ResponseBuilder answer = Response.status(status);
        if (status == 405) {
            answer.allow(refusal.getResponse().getAllowedMethods());
        }
        if (RefusalPages.wantsJson(request.getHeader(HttpHeaders.ACCEPT), request.getContentType())) {
            return answer.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(refusals.json(kind, status, locale(), null)).build();
        }
        return answer.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(refusals.html(kind, locale(), null)).build();
    }

    private Locale locale() {
        if (request.getAttribute(SessionFilter.SESSION) instanceof Session session) {
            return Locales.choose(session.locale());
        }
        return Locales.choose(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
