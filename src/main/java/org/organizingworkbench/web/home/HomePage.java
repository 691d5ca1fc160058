package org.organizingworkbench.web.home;

import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.web.PageContexts;
import org.organizingworkbench.web.workbook.WorkbookPages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.access.Viewers;
import org.organizingworkbench.workbook.WorkbookAccess;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.launch.Session;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.organizingworkbench.view.Templates;

/** The role home page a launch lands on: name, course, role, and what this person can do next. */
@ApplicationScoped
public class HomePage {

    @Inject
    Templates templates;

    @Inject
    PageContexts pages;

    @Inject
    CurriculumVersions curricula;

    @Inject
    CourseRoster roster;

    @Inject
    WorkbookAccess access;

    @Inject
    Viewers viewers;

    @Inject
    WorkbookPages workbookPages;

    @Inject
    org.organizingworkbench.privacy.CoursePrivacy coursePrivacy;

    @Inject
    org.organizingworkbench.privacy.Retention retention;

    @Inject
    org.organizingworkbench.privacy.WorkReads workReads;

    /** A step the home page suggests to a student, with the exercise it opens (null: none to open). */
    public record Step(String key, String exercise) {
    }

    /** The student's first steps and the exercises they open, while the curriculum shows them. */
    private static final java.util.List<Step> LEARNER_STEPS = java.util.List.of(
            new Step("home.learner.step1", "project-canvas"), new Step("home.learner.step2", "story-of-self"),
            new Step("home.learner.step3", "one-to-one-log"));

    /** One line of the course's module list. */
    public record ModuleLine(int number, String title, int exercises) {
    }

    /**
     * A student who opens an activity the instructor placed (a resource link whose custom parameter names an
     * exercise) lands on that exercise of their workbook; everyone else on their home page.
     */
    public String landing(Session session, Locale locale) {
        Optional<String> exercise = exerciseToOpen(session);
        if (exercise.isPresent()) {
            PageContext page = pages.of(session);
            Optional<Author> author = viewers.of(session.personId(), session.courseId(), session.membershipId())
                    .flatMap(access::own);
            if (author.isPresent()) {
                try {
                    return workbookPages.exercisePage(new WorkbookPages.Page(locale, author.get(), true, false,
                            page.authHeaders(), page.role()), exercise.get(), Map.of());
                } catch (NotFoundException hidden) {
                    // an exercise the instructor has since hidden or removed: the home page explains the course
                }
            }
        }
        return render(session, locale);
    }

    private Optional<String> exerciseToOpen(Session session) {
        if (!session.inCourse() || session.role() != CourseRole.LEARNER || session.resourceLinkId() == null
                || session.membershipId() == null) {
            return Optional.empty();
        }
        return roster.exerciseOfLink(session.resourceLinkId());
    }

    /** The role home page. */
    public String render(Session session, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", session);
        PageContext page = pages.of(session);
        model.put("role", page.role());
        model.put("authHeaders", page.authHeaders());
        if (session.inCourse()) {
            Curriculum curriculum = curricula.curriculumOf(session.courseId());
            String language = locale.getLanguage();
            model.put("curriculumTitle", curriculum.title().in(language, curriculum.defaultLanguage()));
            model.put("curriculumVersion", curriculum.version());
            model.put("modules", curriculum.modules().stream()
                    .map(m -> new ModuleLine(m.number(), m.title().in(language, curriculum.defaultLanguage()),
                            (int) m.exercises().stream().filter(e -> !e.hidden() || session.role() != CourseRole.LEARNER).count()))
                    .toList());
        }
        privacy(session, locale, model);
        learnerNext(session, locale, model);
        return templates.render("home", locale, model);
    }

    /** For a student: what is due next, and the first steps as links to their exercises. */
    private void learnerNext(Session session, Locale locale, Map<String, Object> model) {
        if (!session.inCourse() || session.role() != CourseRole.LEARNER || session.membershipId() == null) {
            return;
        }
        Curriculum curriculum = curricula.curriculumOf(session.courseId());
        model.put("learnerSteps", LEARNER_STEPS.stream().map(step -> new Step(step.key(),
                curriculum.exercise(step.exercise()).filter(e -> !e.hidden()).map(e -> e.id()).orElse(null))).toList());
        model.put("view", org.organizingworkbench.web.workbook.AnswerView.INSTANCE);
        viewers.of(session.personId(), session.courseId(), session.membershipId()).flatMap(access::own)
                .flatMap(author -> workbookPages.upNext(author, locale))
                .ifPresent(next -> model.put("upNext", next));
    }

    /** "Your data" for everyone; the course's privacy choices and any retention notice for instructors. */
    private void privacy(Session session, Locale locale, Map<String, Object> model) {
        if (!session.inCourse()) {
            return;
        }
        if (session.role() == CourseRole.INSTRUCTOR) {
            model.put("staffSeeMetNames", coursePrivacy.staffSeeMetNames(session.courseId()));
            retention.deletionDate(session.courseId()).ifPresent(date ->
                    model.put("retentionDate", date.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()));
        }
        if (session.role() == CourseRole.LEARNER && session.membershipId() != null) {
            model.put("reads", workReads.ofLearner(session.membershipId()).stream().limit(20)
                    .map(r -> new ReadLine(r.viewerName(), r.viewerRole(), r.what(),
                            org.organizingworkbench.view.Moment.text(r.at(), java.time.ZoneOffset.UTC, locale))).toList());
        }
    }

    /** One staff read of the student's work, as their home page lists it (times in UTC, like the workbook's). */
    public record ReadLine(String viewer, String role, String what, String at) {
    }

}
