package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Whatever no other mapper answers: a request the tool could not read (400) or a failure of the tool itself (500).
 * Either way the person gets the tool's page (or JSON) and the log gets one line naming the failure and where it
 * happened in the tool's code, not the server's page with its stack trace.
 */
@Provider
public class UnexpectedFailure implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailure.class.getName());
    private static final String OWN_CODE = "org.organizingworkbench.";

    @Inject
    RefusalPages refusals;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse(); // a redirect or a client error another mapper did not take
        }
        int status = unreadable(failure) ? 400 : 500;
        LOG.log(status == 400 ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE,
                () -> "Request answered " + status + ": " + request.getMethod() + " " + request.getRequestURI()
                        + " (" + summary(failure) + ")");
        RefusalPages.Kind kind = RefusalPages.Kind.of(status);
        boolean json = RefusalPages.wantsJson(request.getHeader("Accept"), request.getContentType());
        var locale = Locales.choose(request.getHeader("Accept-Language"));
        return Response.status(status)
                .type(json ? MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8") : MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(json ? refusals.json(kind, status, locale, null) : refusals.html(kind, locale, null)).build();
    }

    /** The request's body or parameters could not be read as what the endpoint takes (or in the charset it names). */
    private static boolean unreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProcessingException || t instanceof java.nio.charset.UnsupportedCharsetException
                    || t instanceof java.nio.charset.IllegalCharsetNameException) {
                return true;
            }
        }
        return false;
    }

    /** "IllegalStateException: message at org.organizingworkbench.web.X.y(X.java:12)": the failure in one line. */
    static String summary(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        Throwable root = deepest;
        String where = Arrays.stream(root.getStackTrace()).filter(f -> f.getClassName().startsWith(OWN_CODE))
                .findFirst().or(() -> Arrays.stream(root.getStackTrace()).findFirst())
                .map(f -> " at " + f).orElse("");
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("\\s+", " ");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return root.getClass().getSimpleName() + message + where;
    }
}
