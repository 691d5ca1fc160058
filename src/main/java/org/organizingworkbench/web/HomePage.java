package org.organizingworkbench.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.launch.SessionTokens;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The role home page a launch lands on: name, course, role, and what this person can do next. */
@ApplicationScoped
public class HomePage {

    @Inject
    Templates templates;

    @Inject
    SessionTokens tokens;

    @Inject
    CurriculumVersions curricula;

    /** One line of the course's module list. */
    public record ModuleLine(int number, String title, int exercises) {
    }

    public String render(Session session, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", session);
        model.put("role", session.role().name());
        model.put("authHeaders", bearerHeaders(tokens.issue(session)));
        if (session.inCourse()) {
            Curriculum curriculum = curricula.curriculumOf(session.courseId());
            String language = locale.getLanguage();
            model.put("curriculumTitle", curriculum.title().in(language, curriculum.defaultLanguage()));
            model.put("curriculumVersion", curriculum.version());
            model.put("modules", curriculum.modules().stream()
                    .map(m -> new ModuleLine(m.number(), m.title().in(language, curriculum.defaultLanguage()),
                            m.exercises().size()))
                    .toList());
        }
        return templates.render("home", locale, model);
    }

    /** The value of htmx's hx-headers attribute that sends the token with every request of the page. */
    static String bearerHeaders(String token) {
        return "{\"Authorization\": \"Bearer " + token + "\"}";
    }
}
