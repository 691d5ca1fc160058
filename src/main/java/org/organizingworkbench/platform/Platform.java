package org.organizingworkbench.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.organizingworkbench.lti.CanvasPlatform;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An LMS registration: one (issuer, client_id) pair. Two Canvas tenants share the issuer
 * {@code https://canvas.instructure.com} and differ by client_id; a Moodle site is its own issuer.
 */
@Entity
@Table(name = "platform")
@NamedQuery(name = "Platform.byIssuerAndClient",
        query = "SELECT p FROM Platform p WHERE p.issuer = :issuer AND p.clientId = :clientId")
@NamedQuery(name = "Platform.byIssuer", query = "SELECT p FROM Platform p WHERE p.issuer = :issuer")
@NamedQuery(name = "Platform.all", query = "SELECT p FROM Platform p ORDER BY p.name, p.id")
public class Platform {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String issuer;
    @Column(name = "client_id")
    private String clientId;
    private String name;
    @Column(name = "auth_url")
    private String authUrl;
    @Column(name = "token_url")
    private String tokenUrl;
    @Column(name = "jwks_url")
    private String jwksUrl;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Enumerated(EnumType.STRING)
    private PlatformStatus status;
    @Column(name = "product_family")
    private String productFamily;
    @Column(name = "site_origins")
    private String siteOrigins;

    protected Platform() {
    }

    public Platform(PlatformRegistration registration) {
        this(registration, PlatformStatus.ACTIVE);
    }

    public Platform(PlatformRegistration registration, PlatformStatus status) {
        this.issuer = registration.issuer();
        this.clientId = registration.clientId();
        this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        this.status = status;
        update(registration);
    }

    /** The endpoints and name may change; the identity (issuer, client_id) never does. */
    public void update(PlatformRegistration registration) {
        this.name = registration.name();
        this.authUrl = registration.authUrl();
        this.tokenUrl = registration.tokenUrl();
        this.jwksUrl = registration.jwksUrl();
        List<String> origins = registration.siteOrigins().stream().map(SiteOrigin::parse).flatMap(Optional::stream)
                .distinct().toList();
        this.siteOrigins = origins.isEmpty() ? null : String.join(" ", origins);
    }

    /**
     * Where this platform shows the tool: the origins of its issuer and of its authentication endpoint (Moodle's
     * site; Canvas's SSO host) and those its registration adds (a Canvas account's host). Only they may frame the
     * tool's pages, and Deep Linking responses go nowhere else.
     */
    public Set<String> siteOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        SiteOrigin.of(issuer).ifPresent(origins::add);
        SiteOrigin.of(authUrl).ifPresent(origins::add);
        origins.addAll(registeredSiteOrigins());
        return origins;
    }

    /** The origins the registration adds to the issuer's and the authentication endpoint's. */
    public List<String> registeredSiteOrigins() {
        return siteOrigins == null || siteOrigins.isBlank() ? List.of() : List.of(siteOrigins.trim().split("\\s+"));
    }

    /** Whether a Deep Linking return URL the platform sent may receive the tool's response: http(s), on its sites. */
    public boolean acceptsReturnUrl(String returnUrl) {
        return SiteOrigin.of(returnUrl).filter(siteOrigins()::contains).isPresent();
    }

    /** Whether this registration names the same endpoints as the given one (the name may differ). */
    public boolean hasEndpointsOf(PlatformRegistration registration) {
        return Objects.equals(authUrl, registration.authUrl()) && Objects.equals(tokenUrl, registration.tokenUrl())
                && Objects.equals(jwksUrl, registration.jwksUrl());
    }

    /** Keeps the product family a launch names (tool_platform.product_family_code); a launch without one changes nothing. */
    public void noteProductFamily(String launchedProductFamily) {
        if (launchedProductFamily != null && !launchedProductFamily.isBlank()
                && !launchedProductFamily.equals(productFamily)) {
            productFamily = launchedProductFamily;
        }
    }

    /** The product family its launches name ("moodle", "canvas", …); null until a launch named one. */
    public String productFamily() {
        return productFamily;
    }

    /** Whether this platform gets Canvas's extensions ({@link CanvasPlatform}). */
    public boolean isCanvas() {
        return CanvasPlatform.recognises(issuer, productFamily);
    }

    public void approve() {
        status = PlatformStatus.ACTIVE;
    }

    /** Rows from before the status column count as active (the migration's default). */
    public boolean isActive() {
        return status == null || status == PlatformStatus.ACTIVE;
    }

    public PlatformStatus status() {
        return isActive() ? PlatformStatus.ACTIVE : status;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public Long id() {
        return id;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public String authUrl() {
        return authUrl;
    }

    public String tokenUrl() {
        return tokenUrl;
    }

    public String jwksUrl() {
        return jwksUrl;
    }
}
