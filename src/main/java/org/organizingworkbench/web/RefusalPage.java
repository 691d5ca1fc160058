package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.organizingworkbench.launch.Session;

import java.util.Locale;
import java.util.Map;
import org.organizingworkbench.view.Templates;

/**
 * What a person sees when a page is not there or not theirs (404, 403, 405…): a short page in their language
 * instead of the server's own, which would name the server. A 404 does not say whether the thing exists.
 */
@Provider
public class RefusalPage implements ExceptionMapper<ClientErrorException> {

    @Inject
    Templates templates;

    /** A proxy to the current request (a provider lives longer than one request). */
    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ClientErrorException refusal) {
        int status = refusal.getResponse().getStatus();
        String kind = status == 404 ? "notFound" : status == 403 ? "forbidden" : "refused";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(templates.render("refusal", locale(), Map.of("kind", kind))).build();
    }

    private Locale locale() {
        if (request.getAttribute(SessionFilter.SESSION) instanceof Session session) {
            return Locales.choose(session.locale());
        }
        return Locales.choose(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
