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

import java.util.Locale;
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
    org.organizingworkbench.web.review.ReviewLanding reviewLanding;

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
        Optional<String> round = reviewLanding.landing(session, locale);
        if (round.isPresent()) {
            return round.get();
        }
        Optional<String> exercise = exerciseToOpen(session);
        if (exercise.isPresent()) {
            PageContext page = pages.of(session);
            Optional<Author> author = viewers.of(session.personId(), session.courseId(), session.membershipId())
                    .flatMap(access::own);
            if (author.isPresent()) {
                try {
                    return workbookPages.exercisePage(new WorkbookPages.Page(locale, author.get(), true, false,
                            page.authHeaders(), page.role()), exercise.get(), org.organizingworkbench.web.workbook.ExerciseOutcome.NONE);
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
        PageContext page = pages.of(session);
        boolean inCourse = session.inCourse();
        boolean instructor = inCourse && session.role() == CourseRole.INSTRUCTOR;
        boolean reader = inCourse && session.role() == CourseRole.LEARNER && session.membershipId() != null;
        Curriculum curriculum = inCourse ? curricula.curriculumOf(session.courseId()) : null;
        String language = locale.getLanguage();
        return templates.render("home", locale, new HomeView(session, page.role(), page.authHeaders(),
                curriculum == null ? null : curriculum.title().in(language, curriculum.defaultLanguage()),
                curriculum == null ? null : curriculum.version(),
                curriculum == null ? null : modules(curriculum, language, session.role()),
                instructor ? coursePrivacy.staffSeeMetNames(session.courseId()) : null,
                instructor ? retention.deletionDate(session.courseId())
                        .map(date -> date.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()).orElse(null) : null,
                reader ? reads(session, locale) : null,
                reader ? steps(curriculum) : null,
                reader ? upNext(session, locale) : null,
                org.organizingworkbench.web.workbook.AnswerView.INSTANCE));
    }

    private static java.util.List<ModuleLine> modules(Curriculum curriculum, String language, CourseRole role) {
        return curriculum.modules().stream()
                .map(m -> new ModuleLine(m.number(), m.title().in(language, curriculum.defaultLanguage()),
                        (int) m.exercises().stream().filter(e -> !e.hidden() || role != CourseRole.LEARNER).count()))
                .toList();
    }

    /** The first steps as links to their exercises, while the curriculum shows them. */
    private static java.util.List<Step> steps(Curriculum curriculum) {
        return LEARNER_STEPS.stream().map(step -> new Step(step.key(),
                curriculum.exercise(step.exercise()).filter(e -> !e.hidden()).map(e -> e.id()).orElse(null))).toList();
    }

    private WorkbookPages.ExerciseLine upNext(Session session, Locale locale) {
        return viewers.of(session.personId(), session.courseId(), session.membershipId()).flatMap(access::own)
                .flatMap(author -> workbookPages.upNext(author, locale)).orElse(null);
    }

    /** Staff reads of the student's work, newest first; each time a {@code <time>} the page writes in the reader's zone. */
    private java.util.List<ReadLine> reads(Session session, Locale locale) {
        return workReads.ofLearner(session.membershipId()).stream().limit(20)
                .map(r -> new ReadLine(r.viewerName(), r.viewerRole(), r.what(),
                        org.organizingworkbench.view.Moment.html(r.at(), locale))).toList();
    }

    /** One staff read of the student's work, as their home page lists it ({@code at}: a {@code <time>} element). */
    public record ReadLine(String viewer, String role, String what, String at) {
    }

}
