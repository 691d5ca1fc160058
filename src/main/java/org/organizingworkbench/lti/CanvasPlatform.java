package org.organizingworkbench.lti;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a platform is Canvas, so the tool adds Canvas's extensions (deep linking line items, score submissions).
 * The launch's {@code tool_platform.product_family_code} decides: Canvas sends "canvas" in every launch, hosted or
 * self-hosted (LTI Core 5.4.4 names the claim; the value is Canvas's). When a platform omits the claim, the issuers
 * of Instructure's hosted Canvas (production, beta and test) still identify it; a self-hosted Canvas has its own
 * issuer and is recognised by the claim only.
 */
public final class CanvasPlatform {

    public static final String PRODUCT_FAMILY = "canvas";
    private static final Set<String> HOSTED_ISSUER_HOSTS =
            Set.of("canvas.instructure.com", "canvas.beta.instructure.com", "canvas.test.instructure.com");

    private CanvasPlatform() {
    }

    /** @param productFamilyCode the launch's product_family_code, or null when it sent none */
    public static boolean recognises(String issuer, String productFamilyCode) {
        if (productFamilyCode != null && !productFamilyCode.isBlank()) {
            return PRODUCT_FAMILY.equals(productFamilyCode.strip().toLowerCase(Locale.ROOT));
        }
        return issuer != null && isHostedIssuer(issuer);
    }

    public static boolean recognises(LtiLaunch launch) {
        return recognises(launch.issuer(), launch.platformProduct().orElse(null));
    }

    private static boolean isHostedIssuer(String issuer) {
        try {
            URI uri = URI.create(issuer.strip());
            return "https".equals(uri.getScheme()) && uri.getHost() != null
                    && HOSTED_ISSUER_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
