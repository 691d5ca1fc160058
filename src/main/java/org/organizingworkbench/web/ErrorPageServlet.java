package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * The error page of the servlet container (WEB-INF/web.xml): what answers a request that fails outside JAX-RS, e.g.
 * one the container itself refuses. The tool's refusal page or JSON instead of the server's, one log line and no
 * stack trace.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error-page";
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Inject
    RefusalPages refusals;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer c ? c : 404;
        if (failure instanceof Throwable t && status < 500) {
            status = 500;
        }
        int answered = status;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        LOG.info(() -> "Request answered " + answered + " by the container: " + request.getMethod() + " "
                + (uri == null ? request.getRequestURI() : uri)
                + (failure instanceof Throwable t ? " (" + UnexpectedFailure.summary(t) + ")" : ""));
        if (!response.isCommitted()) {
            response.resetBuffer();
            refusals.write(request, response, status, null);
        }
    }
}
