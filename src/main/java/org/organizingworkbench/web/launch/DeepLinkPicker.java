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

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** One exercise the instructor may place; points as the input shows them ("20", "7.5"), empty when ungraded. */
    public record Choice(String id, String title, boolean graded, String points) {
    }

    /** A module and its exercises. */
    public record ModuleChoices(int number, String title, List<Choice> exercises) {
    }

    public Response render(Session session, LtiLaunch request, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", session);
        boolean instructor = session.inCourse() && session.membershipId() != null && session.personId() != null
                && viewers.of(session.personId(), session.courseId(), session.membershipId())
                .filter(policy::mayManageCourse).isPresent();
        if (!instructor) {
            model.put("problem", "forbidden");
            return page(403, model, locale);
        }
        LtiLaunch.DeepLinkingSettings settings = request.deepLinkingSettings().orElseThrow();
        if (!settings.acceptTypes().contains(ContentItem.LTI_RESOURCE_LINK)) {
            model.put("problem", "typeNotOffered");
            model.put("offered", String.join(", ", settings.acceptTypes()));
            return page(200, model, locale);
        }
        if (!session.inCourse()) {
            model.put("problem", "noCourse");
            return page(200, model, locale);
        }
        model.put("authHeaders", pages.of(session).authHeaders());
        model.put("context", contexts.issue(request, session));
        model.put("multiple", settings.acceptMultiple());
        model.put("modules", choices(curricula.curriculumOf(session.courseId()), locale.getLanguage()));
        return page(200, model, locale);
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

    private Response page(int status, Map<String, Object> model, Locale locale) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(templates.render("deep-linking", locale, model)).build();
    }
}
