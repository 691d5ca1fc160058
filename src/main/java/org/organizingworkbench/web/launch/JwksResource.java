package org.organizingworkbench.web.launch;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.platform.ToolKeyRing;

/** The tool's public keys (current and next), for platforms to verify what the tool signs. */
@Path(".well-known/jwks.json")
public class JwksResource {

    @Inject
    ToolKeyRing keyRing;

    @GET
    public Response jwks() {
        // JWKSet.toString() serialises public parameters only.
        return Response.ok(keyRing.publicKeySet().toString(), "application/jwk-set+json")
                .header("Cache-Control", "public, max-age=300").build();
    }
}
