package org.organizingworkbench.web.launch;

import org.organizingworkbench.web.Locales;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.organizingworkbench.infrastructure.Settings;

import org.organizingworkbench.view.Templates;

/** The about page at "/": what the tool is, where to register it, the framework it is based on. */
@Path("")
public class RootResource {

    @Inject
    Templates templates;

    @Inject
    Settings settings;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String about(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return templates.render("about", Locales.choose(language), new About(settings.baseUrl(),
                settings.isDevelopment(), settings.emulatorOrigin() + "/emulator"));
    }

    /** Page {@code about}: the tool's front door, with the emulator's address in development. */
    record About(String baseUrl, boolean development, String emulatorUrl) {
    }
}
