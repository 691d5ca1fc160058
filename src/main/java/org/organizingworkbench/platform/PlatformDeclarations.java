package org.organizingworkbench.platform;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.infrastructure.ToolStarted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Platforms declared in a file (WORKBENCH_PLATFORMS_FILE), for automation: read at start-up, each entry upserted by
 * (issuer, clientId). Format: {@code {"platforms": [{"name", "issuer", "clientId", "authUrl", "tokenUrl",
 * "jwksUrl", "deploymentIds": [...], "siteOrigins": [...]}]}}. A bad entry is reported with its position and skipped.
 */
@ApplicationScoped
public class PlatformDeclarations {

    private static final Logger LOG = Logger.getLogger(PlatformDeclarations.class.getName());

    @Inject
    Settings settings;

    @Inject
    PlatformRegistry registry;

    void onStart(@Observes ToolStarted started) {
        settings.platformsFile().map(Path::of).ifPresent(this::load);
    }

    void load(Path file) {
        List<PlatformRegistration> registrations;
        try {
            registrations = parse(Files.readString(file));
        } catch (IOException | ParseException | ClassCastException e) {
            LOG.severe(() -> "Platforms file " + file + " could not be read: " + e.getMessage());
            return;
        }
        for (int i = 0; i < registrations.size(); i++) {
            PlatformRegistration registration = registrations.get(i);
            try {
                registry.register(registration);
                LOG.info(() -> "Declared platform " + registration.issuer() + " / " + registration.clientId());
            } catch (InvalidRegistrationException e) {
                int index = i;
                LOG.severe(() -> file + ": platforms[" + index + "] skipped, invalid fields: " + e.fields());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<PlatformRegistration> parse(String json) throws ParseException {
        Map<String, Object> root = JSONObjectUtils.parse(json);
        List<Object> platforms = JSONObjectUtils.getJSONArray(root, "platforms");
        if (platforms == null) {
            throw new ParseException("no \"platforms\" array", 0);
        }
        return platforms.stream().map(p -> (Map<String, Object>) p).map(p -> new PlatformRegistration(
                (String) p.get("name"), (String) p.get("issuer"), (String) p.get("clientId"), (String) p.get("authUrl"),
                (String) p.get("tokenUrl"), (String) p.get("jwksUrl"),
                p.get("deploymentIds") instanceof List<?> ids
                        ? ids.stream().map(id -> id == null ? null : String.valueOf(id)).toList() : List.of(),
                p.get("siteOrigins") instanceof List<?> origins
                        ? origins.stream().map(o -> o == null ? null : String.valueOf(o)).toList() : List.of()))
                .toList();
    }
}
