package org.organizingworkbench.web.launch;

import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.SessionFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Deadline;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Module;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.launch.DeepLinkContext;
import org.organizingworkbench.launch.DeepLinkContexts;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.lti.ContentItem;
import org.organizingworkbench.lti.DeepLinkingResponse;
import org.organizingworkbench.platform.ToolKeyRing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.organizingworkbench.view.Templates;

/**
 * The picker's answer: the chosen exercises as LTI resource links, in a Deep Linking response signed with the
 * tool's key, which the browser form-posts to the platform's return URL (taken from the signed context, never
 * from the browser).
 */
@Path("app/deep-link")
public class DeepLinkResource {

    static final String TAG = "workbench";
    /** A picker choice {@code round:<exercise>} places the exercise's peer review round, not the exercise. */
    static final String ROUND_CHOICE = "round:";
    /** What the page's htmx swaps in for a choice it cannot take (app.js), so the instructor sees why. */
    static final int UNPROCESSABLE = 422;

    @Inject
    DeepLinkContexts contexts;

    @Inject
    CurriculumVersions curricula;

    @Inject
    ToolKeyRing keyRing;

    @Inject
    Settings settings;

    @Inject
    Templates templates;

    @Context
    ContainerRequestContext request;

    @Inject
    AccessPolicy policy;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(MultivaluedMap<String, String> form) {
        Session session = (Session) request.getProperty(SessionFilter.SESSION);
        Locale locale = Locales.choose(session.locale());
        if (!(request.getProperty(SessionFilter.VIEWER) instanceof Viewer viewer) || !policy.mayManageCourse(viewer)) {
            return page(403, DeepLinkPicker.Picker.refused(session, "forbidden", null), locale);
        }
        Optional<DeepLinkContext> context = contexts.verify(form.getFirst("context"), session);
        if (context.isEmpty()) {
            return page(UNPROCESSABLE, DeepLinkPicker.Picker.refused(session, "contextInvalid", null), locale);
        }
        List<String> chosen = new ArrayList<>(new LinkedHashSet<>(Optional.ofNullable(form.get("exercise")).orElse(List.of())));
        if (chosen.size() > 1 && !context.get().acceptMultiple()) {
            return page(UNPROCESSABLE, DeepLinkPicker.Picker.refused(session, "onlyOne", null), locale);
        }
        Curriculum curriculum = curricula.curriculumOf(session.courseId());
        String language = locale.getLanguage();
        String fallback = curriculum.defaultLanguage();
        DeepLinkContext dl = context.get();
        String launchUrl = settings.baseUrl() + "/";
        Map<String, String> titles = ActivityTitles.of(curriculum, language, templates.message("lms.activityTitle", locale),
                locale);
        List<ContentItem> items = new ArrayList<>();
        for (String choice : chosen) {
            boolean round = choice.startsWith(ROUND_CHOICE);
            String id = round ? choice.substring(ROUND_CHOICE.length()) : choice;
            Optional<Module> module = curriculum.modules().stream()
                    .filter(m -> m.exercises().stream().anyMatch(e -> e.id().equals(id))).findFirst();
            Optional<Exercise> exercise = curriculum.exercise(id);
            if (exercise.isEmpty() || module.isEmpty()) {
                return page(UNPROCESSABLE, DeepLinkPicker.Picker.refused(session, "unknownExercise", null), locale);
            }
            Exercise e = exercise.get();
            String title = titles.get(id);
            if (round) {
                // Ungraded: the round's own settings choose the links that carry its grades (docs/peer-review.md).
                items.add(ContentItem.ltiResourceLink(templates.message("review.deeplink.title", locale, title),
                        module.get().title().in(language, fallback), launchUrl,
                        Map.of(CourseRoster.REVIEW_PARAMETER, e.id()), null));
                continue;
            }
            ContentItem.LineItem lineItem = null;
            if (e.graded()) {
                Double points = points(form.getFirst("points-" + id), e.points());
                if (points == null) {
                    return page(UNPROCESSABLE, DeepLinkPicker.Picker.refused(session, "badPoints", null), locale);
                }
                lineItem = new ContentItem.LineItem(title, points, e.id(), TAG);
                if (dl.canvas()) {
                    lineItem = lineItem.forCanvas(launchUrl);
                }
            }
            // A graded activity is due when the exercise is: Canvas makes it the assignment's due date.
            Instant due = lineItem == null ? null : e.dueDate().map(Deadline::lastSecond).orElse(null);
            items.add(ContentItem.ltiResourceLink(title, module.get().title().in(language, fallback),
                    launchUrl, Map.of(CourseRoster.EXERCISE_PARAMETER, e.id()), lineItem).dueAt(due));
        }
        String jwt = DeepLinkingResponse.builder(dl.clientId(), dl.platformIssuer(), dl.deploymentId())
                .data(dl.data()).items(items).build().sign(keyRing.currentSigningKey());
        return page(200, new DeepLinkReturn(dl.returnUrl(), jwt, items.size()), locale);
    }

    /** The points typed in, or the exercise's default when left empty; null when not a positive number. */
    static Double points(String typed, Double defaultPoints) {
        if (typed == null || typed.isBlank()) {
            return defaultPoints != null && defaultPoints > 0 ? defaultPoints : null;
        }
        try {
            double value = Double.parseDouble(typed.trim().replace(',', '.'));
            return value > 0 && value <= 100_000 && Double.isFinite(value) ? value : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private Response page(int status, DeepLinkPicker.Picker refused, Locale locale) {
        return html(status, templates.render("deep-linking", locale, refused));
    }

    private Response page(int status, DeepLinkReturn answer, Locale locale) {
        return html(status, templates.render("deep-link-return", locale, answer));
    }

    private static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** Page {@code deep-link-return}: the signed Deep Linking response, posted to the platform's return URL. */
    record DeepLinkReturn(String action, String jwt, int count) {
    }
}
