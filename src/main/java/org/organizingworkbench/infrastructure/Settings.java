package org.organizingworkbench.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The operator's settings (MicroProfile Config: environment variables, system properties, defaults). */
@ApplicationScoped
public class Settings {

    public enum UnknownDeployments { PENDING, REJECT }

    /** Who lets a platform that registered itself (LTI Dynamic Registration) launch the tool. */
    public enum RegistrationApproval {
        /** It can launch at once. */
        AUTO,
        /** It waits until the tool administrator approves it on the admin page. */
        ADMIN
    }

    @Inject
    @ConfigProperty(name = "workbench.profile")
    String profile;

    @Inject
    @ConfigProperty(name = "workbench.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "workbench.admin-secret")
    Optional<String> adminSecret;

    @Inject
    @ConfigProperty(name = "workbench.platforms-file")
    Optional<String> platformsFile;

    @Inject
    @ConfigProperty(name = "workbench.unknown-deployments")
    String unknownDeployments;

    @Inject
    @ConfigProperty(name = "workbench.registration.approval")
    Optional<String> registrationApproval;

    @Inject
    @ConfigProperty(name = "workbench.registration.origins")
    Optional<String> registrationOrigins;

    @Inject
    @ConfigProperty(name = "workbench.session.minutes")
    int sessionMinutes;

    @Inject
    @ConfigProperty(name = "workbench.launch.leeway-seconds")
    int leewaySeconds;

    @Inject
    @ConfigProperty(name = "workbench.login-state.minutes")
    int loginStateMinutes;

    @Inject
    @ConfigProperty(name = "workbench.emulator.origin")
    String emulatorOrigin;

    @Inject
    @ConfigProperty(name = "workbench.allow-http-base-url")
    Optional<String> allowHttpBaseUrl;

    @Inject
    @ConfigProperty(name = "workbench.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "workbench.key-encryption-secret")
    Optional<String> keyEncryptionSecret;

    @Inject
    @ConfigProperty(name = "db.password")
    Optional<String> databasePassword;

    /** The emulator and other development aids exist only in this profile; nothing a request says can change it. */
    public boolean isDevelopment() {
        return "development".equalsIgnoreCase(profile.trim());
    }

    /** The tool's public base URL, without a trailing slash, e.g. https://workbench.example.edu */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    /** The admin secret, when one is set and may be used ({@link AdminSecret}). */
    public Optional<String> adminSecret() {
        return adminSecret.filter(s -> !s.isBlank()).filter(s -> AdminSecret.problem(s).isEmpty());
    }

    /** Why the admin secret that is set cannot be used; empty when it can, or when none is set. */
    public Optional<AdminSecret.Problem> adminSecretProblem() {
        return adminSecret.filter(s -> !s.isBlank()).flatMap(AdminSecret::problem);
    }

    /** What the production profile refuses to start with; empty in development. */
    public java.util.List<String> productionProblems() {
        if (isDevelopment()) {
            return java.util.List.of();
        }
        return new ProductionReadiness(baseUrl, isTrue(allowHttpBaseUrl), adminSecret.orElse(null),
                keyEncryptionSecret.orElse(null), databasePassword.orElse(null)).problems();
    }

    /**
     * WORKBENCH_TRUSTED_PROXIES: the addresses (or CIDR ranges) of the reverse proxies in front of the tool, whose
     * X-Forwarded-For names the client. Empty: the connection's address is the client's.
     */
    public java.util.List<String> trustedProxies() {
        String configured = trustedProxies == null ? "" : trustedProxies.map(String::trim).orElse("");
        return java.util.Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Optional<String> platformsFile() {
        return platformsFile.filter(s -> !s.isBlank());
    }

    public UnknownDeployments unknownDeployments() {
        return "reject".equalsIgnoreCase(unknownDeployments.trim()) ? UnknownDeployments.REJECT : UnknownDeployments.PENDING;
    }

    /**
     * WORKBENCH_REGISTRATION_APPROVAL: {@code auto} or {@code admin}. Unset, it is {@code auto} in development and
     * {@code admin} in production; a value that is neither counts as {@code admin}, the safe one.
     */
    public RegistrationApproval registrationApproval() {
        String value = registrationApproval == null ? "" : registrationApproval.map(String::trim).orElse("");
        if (value.isEmpty()) {
            return isDevelopment() ? RegistrationApproval.AUTO : RegistrationApproval.ADMIN;
        }
        return "auto".equalsIgnoreCase(value) ? RegistrationApproval.AUTO : RegistrationApproval.ADMIN;
    }

    /**
     * Whether Dynamic Registration may contact a platform configuration at this origin. The tool fetches the URL an
     * LMS hands it, so an open endpoint would let anyone make the server call any address: in production only the
     * origins listed in WORKBENCH_REGISTRATION_ORIGINS (comma-separated, e.g. https://moodle.example.edu,
     * https://canvas.instructure.com) are contacted; "*" allows any. Unset, production contacts none and the
     * development profile only this machine (loopback), where the emulator and a developer's own LMS live.
     */
    public boolean registrationAllowedFrom(String origin) {
        List<String> listed = registrationOrigins();
        if (listed.isEmpty()) {
            return isDevelopment() && isLoopback(origin);
        }
        return listed.stream().anyMatch(o -> "*".equals(o) || o.equalsIgnoreCase(origin));
    }

    /** WORKBENCH_REGISTRATION_ORIGINS as listed, without trailing slashes; "*" stands for any. */
    public java.util.List<String> registrationOrigins() {
        String configured = registrationOrigins == null ? "" : registrationOrigins.map(String::trim).orElse("");
        return java.util.Arrays.stream(configured.split(","))
                .map(String::trim).map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .filter(o -> !o.isEmpty()).toList();
    }

    /** http(s)://localhost, 127.x.x.x or [::1], with any port: this machine, never another by a name's resolution. */
    static boolean isLoopback(String origin) {
        try {
            URI uri = URI.create(origin);
            String host = uri.getHost();
            if (host == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return false;
            }
            return "localhost".equalsIgnoreCase(host) || "[::1]".equals(host)
                    || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isTrue(Optional<String> value) {
        return value != null && value.map(String::trim).filter("true"::equalsIgnoreCase).isPresent();
    }

    public Duration sessionLifetime() {
        return Duration.ofMinutes(sessionMinutes);
    }

    public Duration launchLeeway() {
        return Duration.ofSeconds(leewaySeconds);
    }

    public Duration loginStateLifetime() {
        return Duration.ofMinutes(loginStateMinutes);
    }

    /** Where the development emulator says it lives; another origin than the tool, so its iframe is cross-site. */
    public String emulatorOrigin() {
        return emulatorOrigin.endsWith("/") ? emulatorOrigin.substring(0, emulatorOrigin.length() - 1) : emulatorOrigin;
    }

    public String userAgent() {
        return "OrganizingWorkbench/0.1 (+" + baseUrl() + ")";
    }
}
