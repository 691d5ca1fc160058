package org.organizingworkbench.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Stylesheets and scripts: the tool's own ({@code static/}) and htmx from its webjar. */
@Path("static")
public class StaticResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+(\\.min)?\\.(css|js)");
    private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    @GET
    @Path("{name}")
    public Response file(@PathParam("name") String name) {
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundException();
        }
        String resource = "htmx.min.js".equals(name) ? HTMX : "static/" + name;
        try (InputStream in = StaticResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException();
            }
            String type = name.endsWith(".css") ? "text/css; charset=UTF-8" : "text/javascript; charset=UTF-8";
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "public, max-age=3600").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
