package org.organizingworkbench.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers on every answer. Pages may be framed by any LMS (frame-ancestors *: the tool is embedded by design, and
 * each launch is authenticated on its own); scripts only from the tool itself; nothing cached.
 */
@Provider
public class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!request.getUriInfo().getPath().startsWith("static")) {
            headers.putSingle("Cache-Control", "no-store");
            headers.putSingle("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                    + " img-src 'self' data:; form-action *; frame-src *; frame-ancestors *; base-uri 'none'; object-src 'none'");
        }
    }
}
