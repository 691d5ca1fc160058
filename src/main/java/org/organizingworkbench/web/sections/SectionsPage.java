package org.organizingworkbench.web.sections;

import org.organizingworkbench.web.Locales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.course.CourseSection;
import org.organizingworkbench.course.SectionException;
import org.organizingworkbench.course.SectionName;
import org.organizingworkbench.course.Sections;
import org.organizingworkbench.course.SectionsOverview;
import org.organizingworkbench.launch.Session;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;

/**
 * The sections page and its panel: for an instructor every section with forms to change it and who has no section
 * yet; for a Teaching Fellow the sections they lead.
 */
@ApplicationScoped
public class SectionsPage {

    /**
     * What the last change did, said in the panel's status region.
     *
     * @param section the section a problem is about (0: the new section's name), so its field is marked
     * @param typed   what the instructor typed, kept in the field when it was refused
     */
    public record Notice(String key, Object argument, boolean problem, long section, String typed) {

        static Notice of(String key, Object argument) {
            return new Notice(key, argument, false, -1, null);
        }

        static Notice problem(SectionException.Problem problem, long section, String typed) {
            return new Notice("sections.problem." + problem.name(), SectionName.MAX_LENGTH, true, section, typed);
        }
    }

    @Inject
    Sections sections;

    @Inject
    Templates templates;

    public String render(Session session, String token) {
        Map<String, Object> model = model(session, null);
        model.put("authHeaders", PageContext.bearerHeaders(token));
        return templates.render("sections", locale(session), model);
    }

    public String panel(Session session, Notice notice) {
        return templates.render("fragments/sections", locale(session), model(session, notice));
    }

    private Map<String, Object> model(Session session, Notice notice) {
        if (session.role() == CourseRole.INSTRUCTOR) {
            return model(session.role(), notice, sections.overview(session.courseId()), null);
        }
        return model(session.role(), notice, null, sections.sectionsOf(session.courseId(), session.membershipId()));
    }

    /** An instructor's page has the overview; a Teaching Fellow's the sections they lead. */
    static Map<String, Object> model(CourseRole role, Notice notice, SectionsOverview overview, List<CourseSection> own) {
        Map<String, Object> model = new HashMap<>();
        model.put("role", role.name());
        model.put("notice", notice);
        model.put("maxLength", SectionName.MAX_LENGTH);
        model.put("overview", overview);
        model.put("own", own);
        return model;
    }

    private static Locale locale(Session session) {
        return Locales.choose(session.locale());
    }
}
