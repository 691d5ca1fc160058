package org.organizingworkbench.lti;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The OIDC authentication request the tool sends the browser to (Security Framework 5.1.1.2). */
public record AuthenticationRequest(URI platformAuthUrl, String clientId, URI redirectUri, LoginInitiation login,
                                    String state, String nonce) {

    public URI toUri() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("login_hint", login.loginHint());
        query.put("state", state);
        query.put("nonce", nonce);
        if (login.messageHint() != null) {
            query.put("lti_message_hint", login.messageHint());
        }
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = platformAuthUrl.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + encoded);
    }
}
