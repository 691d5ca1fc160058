package org.organizingworkbench.lti;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms' public key sets, one cached source per JWKS URL (Nimbus {@link JWKSourceBuilder}): cached for
 * {@code timeToLive}, refreshed ahead of expiry, refetched at a bounded rate when a token names an unknown kid
 * (key rotation), and served from the last good copy during an outage of the platform.
 */
public final class PlatformKeySets {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration OUTAGE_TOLERANCE = Duration.ofHours(4);
    private static final Duration MIN_TIME_BETWEEN_FETCHES = Duration.ofSeconds(10);

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final String userAgent;

    public PlatformKeySets(String userAgent) {
        this.userAgent = userAgent;
    }

    public JWKSource<SecurityContext> forUrl(String jwksUrl) {
        return sources.computeIfAbsent(jwksUrl, this::build);
    }

    /** Forget a URL's cached keys, e.g. after an admin edits the registration. */
    public void forget(String jwksUrl) {
        sources.remove(jwksUrl);
    }

    /** Forget every cached key set: the next launch of each platform fetches its keys again. */
    public void forgetAll() {
        sources.clear();
    }

    private JWKSource<SecurityContext> build(String jwksUrl) {
        URL url;
        try {
            url = URI.create(jwksUrl).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a JWKS URL: " + jwksUrl, e);
        }
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(5_000, 5_000, 512 * 1024);
        retriever.setHeaders(Map.of("User-Agent", java.util.List.of(userAgent)));
        return JWKSourceBuilder.create(url, retriever)
                .cache(TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis())
                .refreshAheadCache(true)
                .rateLimited(MIN_TIME_BETWEEN_FETCHES.toMillis())
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .retrying(true)
                .build();
    }
}
