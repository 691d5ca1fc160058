package org.organizingworkbench.web.launch;


import org.organizingworkbench.access.Viewers;
import org.organizingworkbench.access.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Module;
import org.organizingworkbench.launch.DeepLinkContexts;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.lti.ContentItem;
import org.organizingworkbench.lti.LtiLaunch;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistry;
import org.organizingworkbench.platform.SiteOrigin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContexts;

/**
 * The activity picker an LtiDeepLinkingRequest lands on: the course's curriculum, module by module, each exercise
 * to choose (graded ones with their points). Instructors only.
 */
@ApplicationScoped
public class DeepLinkPicker {

    @Inject
    Viewers viewers;

    @Inject
    AccessPolicy policy;

    @Inject
    Templates templates;

    @Inject
    PageContexts pages;

    @Inject
    DeepLinkContexts contexts;

    @Inject
    CurriculumVersions curricula;

    @Inject
    PlatformRegistry platforms;

    private static final Logger LOG = Logger.getLogger(DeepLinkPicker.class.getName());

    /** One exercise the instructor may place; points as the input shows them ("20", "7.5"), empty when ungraded. */
    public record Choice(String id, String title, boolean graded, String points) {
    }

    /** A module and its exercises. */
    public record ModuleChoices(int number, String title, List<Choice> exercises) {
    }

    /**
     * The activity picker (page {@code deep-linking}): the modules' exercises an instructor may place, or the problem
     * that stops them ({@code problem} a message key: forbidden, typeNotOffered, noCourse, returnUrlNotAllowed).
     */
    public record Picker(Session session, String problem, String offered, String returnOrigin, String authHeaders,
                         String context, boolean multiple, List<ModuleChoices> modules) {

        static Picker refused(Session session, String problem, String detail) {
            return new Picker(session, problem, "typeNotOffered".equals(problem) ? detail : null,
                    "returnUrlNotAllowed".equals(problem) ? detail : null, null, null, false, List.of());
        }
    }

    public Response render(Session session, LtiLaunch request, Locale locale) {
        boolean instructor = session.inCourse() && session.membershipId() != null && session.personId() != null
                && viewers.of(session.personId(), session.courseId(), session.membershipId())
                .filter(policy::mayManageCourse).isPresent();
        if (!instructor) {
            return page(403, Picker.refused(session, "forbidden", null), locale);
        }
        LtiLaunch.DeepLinkingSettings settings = request.deepLinkingSettings().orElseThrow();
        if (!settings.acceptTypes().contains(ContentItem.LTI_RESOURCE_LINK)) {
            return page(200, Picker.refused(session, "typeNotOffered", String.join(", ", settings.acceptTypes())), locale);
        }
        if (!session.inCourse()) {
            return page(200, Picker.refused(session, "noCourse", null), locale);
        }
        Optional<Platform> platform = platforms.byId(session.platformId());
        if (platform.isEmpty() || !platform.get().acceptsReturnUrl(settings.returnUrl())) {
            // The signed response goes only to a site of the platform's registration (Deep Linking 2.0 §4.4.1).
            String origin = SiteOrigin.of(settings.returnUrl()).orElse("?");
            LOG.warning(() -> "Deep Linking refused: return URL on " + origin + " is not a site of platform "
                    + platform.map(Platform::issuer).orElse("?"));
            return page(403, Picker.refused(session, "returnUrlNotAllowed", origin), locale);
        }
        return page(200, new Picker(session, null, null, null, pages.of(session).authHeaders(),
                contexts.issue(request, session), settings.acceptMultiple(),
                choices(curricula.curriculumOf(session.courseId()), locale.getLanguage())), locale);
    }

    static List<ModuleChoices> choices(Curriculum curriculum, String language) {
        String fallback = curriculum.defaultLanguage();
        return curriculum.modules().stream()
                .map(m -> new ModuleChoices(m.number(), m.title().in(language, fallback), exercises(m, language, fallback)))
                .filter(m -> !m.exercises().isEmpty())
                .toList();
    }

    private static List<Choice> exercises(Module module, String language, String fallback) {
        return module.exercises().stream().filter(e -> !e.hidden())
                .map((Exercise e) -> new Choice(e.id(), e.title().in(language, fallback), e.graded(),
                        e.graded() && e.points() != null
                                ? BigDecimal.valueOf(e.points()).stripTrailingZeros().toPlainString() : ""))
                .toList();
    }

    private Response page(int status, Picker picker, Locale locale) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(templates.render("deep-linking", locale, picker)).build();
    }
}
