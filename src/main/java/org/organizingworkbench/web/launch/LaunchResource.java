package org.organizingworkbench.web.launch;

import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.home.HomePage;
import org.organizingworkbench.web.workbook.SubmissionReviewPage;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.launch.BrowserBinding;
import org.organizingworkbench.launch.LaunchOutcome;
import org.organizingworkbench.launch.LaunchService;
import org.organizingworkbench.lti.LaunchRejectedException;
import org.organizingworkbench.lti.LaunchRule;

import java.util.Locale;
import java.util.Map;
import org.organizingworkbench.view.Templates;

/**
 * The redirect URI the platform posts the id_token to. Every message type arrives here and is routed by its
 * message_type claim, never by URL (Moodle and others differ in which URL they post to).
 */
@Path("lti/launch")
public class LaunchResource {

    @Inject
    LaunchService launches;

    @Inject
    LaunchErrorPage errorPage;

    @Inject
    Templates templates;

    @Inject
    HomePage homePage;

    @Inject
    DeepLinkPicker deepLinkPicker;

    @Inject
    SubmissionReviewPage submissionReview;

    @POST
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @FormParam("ow_storage_value") String storageValue,
                           @FormParam("ow_storage_tried") String storageTried,
                           @FormParam("error") String platformError,
                           @FormParam("error_description") String platformErrorDescription,
                           @Context HttpHeaders headers,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Locale locale = Locales.choose(language);
        if (idToken == null && platformError != null) {
            // OIDC Core 3.1.2.6: the platform refused the authentication request and says why.
            return errorPage.render(new LaunchRejectedException(LaunchRule.NOT_A_JWT,
                    "the platform answered error=" + platformError
                            + (platformErrorDescription == null ? "" : " (" + platformErrorDescription + ")")), locale, null, null);
        }
        String cookie = state == null ? null : cookieValue(headers, LaunchService.bindingCookieName(state));
        try {
            LaunchOutcome outcome = launches.launch(idToken, state,
                    new BrowserBinding(cookie, storageValue, "1".equals(storageTried)));
            if (outcome instanceof LaunchOutcome.NeedsPlatformStorage storage) {
                return readPlatformStorage(storage, idToken, state, locale);
            }
            LaunchOutcome.Completed completed = (LaunchOutcome.Completed) outcome;
            Locale sessionLocale = Locales.choose(completed.session().locale() != null ? completed.session().locale() : language);
            return switch (completed.launch().messageType()) {
                case DEEP_LINKING -> deepLinkPicker.render(completed.session(), completed.launch(), sessionLocale);
                case SUBMISSION_REVIEW -> submissionReview.render(completed.session(), completed.launch(), sessionLocale);
                case RESOURCE_LINK -> html(homePage.landing(completed.session(), sessionLocale));
            };
        } catch (LaunchRejectedException e) {
            Map<String, String> retry = e.rule() == LaunchRule.STATE_NOT_BOUND ? launches.retryInNewWindow(state) : null;
            return errorPage.render(e, locale, launches.issuerOfLogin(state).orElse(null), retry);
        }
    }

    private Response readPlatformStorage(LaunchOutcome.NeedsPlatformStorage storage, String idToken, String state,
                                         Locale locale) {
        return html(templates.render("storage-launch", locale, new StorageLaunch(storage.storageTarget(),
                storage.platformOrigin(), storage.storageKey(), idToken, state)));
    }

    private static String cookieValue(HttpHeaders headers, String name) {
        Cookie cookie = name == null ? null : headers.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }

    private static Response html(String body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * Page {@code storage-launch}: reads the login's binding from the platform's storage (LTI Client Side postMessage
     * Storage) before the launch is checked, for browsers that block the tool's cookie in the LMS frame.
     */
    record StorageLaunch(String target, String origin, String key, String idToken, String state) {
    }
}
