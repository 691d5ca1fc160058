package org.organizingworkbench.web.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.coaching.CoachingLog;
import org.organizingworkbench.coaching.Dashboard;
import org.organizingworkbench.coaching.DashboardRow;
import org.organizingworkbench.coaching.Diagnosis;
import org.organizingworkbench.coaching.Feedback;
import org.organizingworkbench.coaching.Feedbacks;
import org.organizingworkbench.coaching.GradePoint;
import org.organizingworkbench.coaching.InvalidFeedbackException;
import org.organizingworkbench.coaching.PassageComments;
import org.organizingworkbench.coaching.Attendance;
import org.organizingworkbench.coaching.SectionMeeting;
import org.organizingworkbench.coaching.SectionMeetings;
import org.organizingworkbench.coaching.Triad;
import org.organizingworkbench.coaching.Triads;
import org.organizingworkbench.coaching.CampaignNumbers;
import org.organizingworkbench.coaching.PeerCommenting;
import org.organizingworkbench.coaching.Rubric;
import org.organizingworkbench.coaching.Rubrics;
import org.organizingworkbench.coaching.SectionDashboard;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.FieldType;
import org.organizingworkbench.grading.Grades;
import org.organizingworkbench.grading.LmsGradebook;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.view.Moment;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.RichText;
import org.organizingworkbench.workbook.Submission;
import org.organizingworkbench.workbook.Workbooks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.organizingworkbench.web.coaching.CoachingViews.*;

/** What the coaching pages show, in the reader's language; {@link CoachingResource} has decided who may see it. */
@ApplicationScoped
public class CoachingPages {


    @Inject
    Templates templates;

    @Inject
    Feedbacks feedbacks;

    @Inject
    CoachingLog log;

    @Inject
    SectionDashboard dashboards;

    @Inject
    Rubrics rubrics;

    @Inject
    CurriculumVersions curricula;

    @Inject
    LmsGradebook lms;

    @Inject
    Workbooks workbooks;

    @Inject
    PassageComments comments;

    @Inject
    SectionMeetings meetings;

    @Inject
    Triads triads;

    @Inject
    CampaignNumbers campaignNumbers;

    @Inject
    PeerCommenting peerCommenting;

    @Inject
    AccessPolicy policy;

    @Inject
    Clock clock;

    String feedback(Viewer viewer, Author author, Exercise exercise, Locale locale, String notice, String problem) {
        Curriculum curriculum = curricula.curriculumOf(viewer.courseId());
        String language = locale.getLanguage();
        boolean staff = viewer.isStaff();
        Optional<Feedback> given = feedbacks.of(viewer.courseId(), author.membershipId(), exercise.id())
                .filter(f -> staff || f.released());
        Map<String, String> chosen = given.map(Feedback::rubric).orElse(Map.of());
        List<CriterionView> rubric = rubrics.of(exercise.id()).map(r -> criteria(r, chosen, language,
                curriculum.defaultLanguage())).orElse(List.of());
        List<String> lineItems = staff ? feedbacks.lineItems(viewer.courseId(), exercise.id()) : List.of();
        Submission latest = workbooks.latestSubmissions(author).get(exercise.id());
        String base = "/app/coaching/learners/" + author.membershipId() + "/exercises/" + exercise.id() + "/feedback";
        return templates.render("fragments/feedback", locale, new FeedbackView(staff,
                staff && policy.mayGrade(viewer, author.membershipId()), author.membershipId(), author.name(),
                exercise.id(), base, given.orElse(null), rubric, scale(viewer.courseId(), exercise, lineItems, given),
                lineItems.size(), latest == null ? null : latest.number(),
                given.map(Feedback::releasedAt).map(at -> when(at, locale)).orElse(null),
                given.map(f -> f.replies().stream().map(r -> new ReplyView(r.authorName(), r.body(), when(r.at(), locale))).toList())
                        .orElse(List.of()), notice, problem, threads(viewer, author, exercise, curriculum, locale),
                commentable(exercise, curriculum, language)));
    }

    private List<ThreadView> threads(Viewer viewer, Author author, Exercise exercise, Curriculum curriculum, Locale locale) {
        String language = locale.getLanguage();
        Map<String, String> texts = new java.util.HashMap<>();
        workbooks.answers(author, exercise.id()).forEach((field, answer) ->
                texts.put(field, RichText.plainText(answer.value().asText(""))));
        return comments.threads(viewer.courseId(), author.membershipId(), exercise.id(), texts).stream().map(t ->
                new ThreadView(t.first().id(), exercise.field(t.first().fieldId())
                        .map(f -> f.label().in(language, curriculum.defaultLanguage())).orElse(t.first().fieldId()),
                        t.first().quote(), t.earlierVersion() ? "EARLIER" : t.span().moved() ? "MOVED" : "HERE",
                        t.first().revision(), t.first().authorName(), t.first().body(), when(t.first().createdAt(), locale),
                        t.resolved(), t.replies().stream().map(r -> new ReplyView(r.authorName(), r.body(), when(r.createdAt(), locale)))
                        .toList())).toList();
    }

    private static List<FieldOption> commentable(Exercise exercise, Curriculum curriculum, String language) {
        return exercise.fields().stream().filter(f -> f.type() == FieldType.LONG_TEXT)
                .map(f -> new FieldOption(f.id(), f.label().in(language, curriculum.defaultLanguage()))).toList();
    }

    /** Starts a thread on a passage of the field's current text. */
    void comment(Viewer viewer, Author author, Exercise exercise, MultivaluedMap<String, String> form) {
        String fieldId = String.valueOf(form.getFirst("field"));
        if (commentable(exercise, curricula.curriculumOf(viewer.courseId()), "en").stream()
                .noneMatch(f -> f.id().equals(fieldId))) {
            throw new InvalidFeedbackException("quoteNotFound");
        }
        Answer answer = workbooks.answers(author, exercise.id()).get(fieldId);
        if (answer == null) {
            throw new InvalidFeedbackException("quoteNotFound");
        }
        comments.comment(viewer.courseId(), author.membershipId(), exercise.id(), fieldId, answer.revision(),
                RichText.plainText(answer.value().asText("")), form.getFirst("quote"), hint(form), viewer.membershipId(),
                form.getFirst("body"));
    }

    /** Staff's form as feedback kept (a draft until released). */
    void save(Viewer viewer, Author author, Exercise exercise, MultivaluedMap<String, String> form) {
        String score = form.getFirst("score");
        Double given;
        try {
            given = score == null || score.isBlank() ? null : Double.valueOf(score.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidFeedbackException("score");
        }
        List<String> lineItems = feedbacks.lineItems(viewer.courseId(), exercise.id());
        double scale = scale(viewer.courseId(), exercise, lineItems, Optional.empty());
        Map<String, String> rubric = rubrics.of(exercise.id()).map(r -> r.valid(CoachingResource.rubricChoices(form)))
                .orElse(Map.of());
        Submission latest = workbooks.latestSubmissions(author).get(exercise.id());
        feedbacks.save(viewer.courseId(), author.membershipId(), exercise.id(), viewer.membershipId(), given, scale,
                form.getFirst("body"), rubric, latest == null ? null : latest.number());
    }

    /** The line item's maximum when the exercise is placed with one, else the exercise's points, else 100. */
    private double scale(long courseId, Exercise exercise, List<String> lineItems, Optional<Feedback> given) {
        if (!lineItems.isEmpty()) {
            return lms.scoreMaximum(courseId, lineItems.get(0));
        }
        return given.map(Feedback::scoreMaximum).filter(m -> m > 0)
                .orElse(exercise.points() != null && exercise.points() > 0 ? exercise.points() : Grades.DEFAULT_MAXIMUM);
    }

    private static List<CriterionView> criteria(Rubric rubric, Map<String, String> chosen, String language, String fallback) {
        return rubric.criteria().stream().map(c -> new CriterionView(c.id(), c.title().in(language, fallback),
                rubric.levels().stream().map(l -> new LevelView(l.id(), l.label().in(language, fallback),
                        l.id().equals(chosen.get(c.id())))).toList(),
                rubric.levels().stream().filter(l -> l.id().equals(chosen.get(c.id()))).findFirst()
                        .map(l -> l.label().in(language, fallback)).orElse(null))).toList();
    }

    String dashboard(Viewer viewer, Session session, String token) {
        Locale locale = Locales.choose(session.locale());
        Curriculum curriculum = curricula.curriculumOf(viewer.courseId());
        String language = locale.getLanguage();
        String scope = policy.learners(viewer).on("m");
        Dashboard dashboard = dashboards.of(viewer.courseId(), scope, curriculum, viewer.isInstructor());
        List<RowView> rows = dashboard.rows().stream().map(CoachingPages::row).toList();
        List<QueueLine> queue = feedbacks.queue(viewer.courseId(), scope).stream()
                .filter(w -> curriculum.exercise(w.exerciseId()).map(Exercise::graded).orElse(false))
                .map(w -> new QueueLine(w.learnerId(), w.learnerName(), w.exerciseId(),
                        title(curriculum, w.exerciseId(), language), w.number(), when(w.submittedAt(), locale), w.late(),
                        w.resubmitted(), w.drafted())).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<FollowUpLine> due = log.due(viewer.courseId(), scope, today).stream()
                .map(f -> new FollowUpLine(f.noteId(), f.learnerId(), f.learnerName(), f.commitment(),
                        f.dueOn().toString(), f.confirmed())).toList();
        PageContext page = PageContext.of(session, token);
        return templates.render("coaching-dashboard", locale, new DashboardView(page.authHeaders(), page.role(),
                viewer.isInstructor(), curriculum.modules().stream().map(m -> new ModuleHead(m.number(),
                m.title().in(language, curriculum.defaultLanguage()))).toList(),
                rows.stream().filter(r -> !r.attention().isEmpty()).toList(), rows, due, queue, dashboard.sections(),
                viewer.isInstructor() ? distributions(feedbacks.distribution(viewer.courseId())) : List.of(),
                numbers(viewer, scope, curriculum, rows, locale),
                policy.mayManageCourse(viewer) ? new PeerSetting(peerCommenting.allowed(viewer.courseId()), null) : null));
    }

    String peerSetting(Viewer viewer, Locale locale, String notice) {
        return templates.render("fragments/peer-setting", locale,
                new PeerSetting(peerCommenting.allowed(viewer.courseId()), notice));
    }

    /** A classmate's comment form for an exercise they may read (the access policy said so). */
    String peerComment(Viewer viewer, long learnerId, Exercise exercise, Locale locale, String notice, String problem) {
        Curriculum curriculum = curricula.curriculumOf(viewer.courseId());
        return templates.render("fragments/peer-comment", locale, new PeerCommentView(learnerId, exercise.id(),
                commentable(exercise, curriculum, locale.getLanguage()), notice, problem));
    }

    /**
     * A classmate's comment, anchored in the revision the student submitted (the one a peer may read), never in the
     * text as it is now: the quote must be in what the classmate was shown.
     */
    void peerComment(Viewer viewer, long learnerId, Exercise exercise, MultivaluedMap<String, String> form) {
        String fieldId = String.valueOf(form.getFirst("field"));
        if (commentable(exercise, curricula.curriculumOf(viewer.courseId()), "en").stream()
                .noneMatch(f -> f.id().equals(fieldId))) {
            throw new InvalidFeedbackException("quoteNotFound");
        }
        // only the membership id is read by these calls; the policy already allowed this exercise of this student
        Author author = new Author(learnerId, viewer.courseId(), 0, null);
        Submission submitted = workbooks.latestSubmissions(author).get(exercise.id());
        Integer revision = submitted == null ? null : submitted.revisions().get(fieldId);
        String text = revision == null ? null : workbooks.revision(author, exercise.id(), fieldId, revision)
                .map(r -> RichText.plainText(r.value().asText(""))).orElse(null);
        if (text == null) {
            throw new InvalidFeedbackException("quoteNotFound");
        }
        comments.comment(viewer.courseId(), learnerId, exercise.id(), fieldId, revision, text, form.getFirst("quote"),
                hint(form), viewer.membershipId(), form.getFirst("body"));
    }

    private static int hint(MultivaluedMap<String, String> form) {
        try {
            return Integer.parseInt(String.valueOf(form.getFirst("hint")).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Every student's campaign numbers in one query, in the dashboard's order of students. */
    private List<NumbersLine> numbers(Viewer viewer, String scope, Curriculum curriculum, List<RowView> rows, Locale locale) {
        Map<Long, List<ChartView>> charts = CampaignCharts.charts(curriculum,
                campaignNumbers.of(viewer.courseId(), scope, CampaignCharts.fields(curriculum)), locale);
        return rows.stream().filter(r -> !charts.getOrDefault(r.learnerId(), List.of()).isEmpty())
                .map(r -> new NumbersLine(r.learnerId(), r.name(), r.section(), charts.get(r.learnerId()))).toList();
    }

    private static RowView row(DashboardRow row) {
        return new RowView(row.learnerId(), row.name(), row.sectionName(),
                row.cells().stream().map(Enum::name).toList(), row.attention().stream().map(Enum::name).sorted().toList());
    }

    /** Per grader (a Fellow, or the instructor): how their scores spread, as percentages of the maximum. */
    static List<Distribution> distributions(List<GradePoint> points) {
        Map<String, List<Double>> byGrader = new LinkedHashMap<>();
        points.forEach(p -> byGrader.computeIfAbsent(p.graderName() == null ? "—" : p.graderName(),
                k -> new ArrayList<>()).add(p.fraction() * 100));
        return byGrader.entrySet().stream().map(e -> {
            List<Double> scores = e.getValue();
            Integer[] buckets = new Integer[]{0, 0, 0, 0, 0};
            scores.forEach(s -> buckets[Math.min(4, (int) (s / 20))]++);
            return new Distribution(e.getKey(), scores.size(),
                    (int) Math.round(scores.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
                    (int) Math.round(scores.stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                    (int) Math.round(scores.stream().mapToDouble(Double::doubleValue).max().orElse(0)),
                    Arrays.asList(buckets));
        }).toList();
    }

    String log(Viewer viewer, Author author, Session session, String token, String notice, String problem) {
        PageContext page = PageContext.of(session, token);
        return templates.render("coaching-log", page.locale(), logView(viewer, author, page.locale(), page.authHeaders(), page.role(),
                notice, problem));
    }

    /** The notes and the form alone, as htmx swaps them after a change. */
    String notes(Viewer viewer, Author author, Locale locale, String notice, String problem) {
        return templates.render("fragments/coaching-notes", locale,
                logView(viewer, author, locale, null, viewer.role().name(), notice, problem));
    }

    private LogView logView(Viewer viewer, Author author, Locale locale, String authHeaders, String role, String notice, String problem) {
        return new LogView(authHeaders, role, author.membershipId(), author.name(),
                log.of(viewer.courseId(), author.membershipId(), false).stream()
                        .map(n -> NoteView.of(n, when(n.createdAt(), locale))).toList(),
                Arrays.stream(Diagnosis.values()).map(Enum::name).toList(), notice, problem);
    }

    String home(Viewer viewer, Locale locale) {
        if (viewer.isLearner()) {
            Curriculum curriculum = curricula.curriculumOf(viewer.courseId());
            List<NewLine> news = feedbacks.unseen(viewer.membershipId()).stream()
                    .map(f -> new NewLine(f.exerciseId(), title(curriculum, f.exerciseId(), locale.getLanguage()),
                            f.authorName(), when(f.releasedAt(), locale))).toList();
            List<NoteView> commitments = log.of(viewer.courseId(), viewer.membershipId(), true).stream()
                    .filter(n -> n.commitment() != null).limit(5).map(n -> NoteView.of(n, when(n.createdAt(), locale))).toList();
            List<OpenLine> open = comments.openByExercise(viewer.membershipId()).entrySet().stream()
                    .filter(e -> curriculum.exercise(e.getKey()).map(x -> !x.hidden()).orElse(false))
                    .map(e -> new OpenLine(e.getKey(), title(curriculum, e.getKey(), locale.getLanguage()), e.getValue()))
                    .toList();
            return templates.render("fragments/coaching-home", locale, new HomeView(true, news, commitments, open, 0, 0,
                    myTriad(viewer, locale)));
        }
        if (!viewer.isStaff()) {
            return "";
        }
        String scope = policy.learners(viewer).on("m");
        Curriculum curriculum = curricula.curriculumOf(viewer.courseId());
        int waiting = (int) feedbacks.queue(viewer.courseId(), scope).stream()
                .filter(w -> curriculum.exercise(w.exerciseId()).map(Exercise::graded).orElse(false)).count();
        int due = log.due(viewer.courseId(), scope, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).size();
        return templates.render("fragments/coaching-home", locale, new HomeView(false, List.of(), List.of(), List.of(), waiting, due, null));
    }

    private static String title(Curriculum curriculum, String exerciseId, String language) {
        return curriculum.exercise(exerciseId).map(e -> e.title().in(language, curriculum.defaultLanguage()))
                .orElse(exerciseId);
    }

    /** A moment as every page shows it: a {@code <time>} element the page's script writes in the reader's zone. */
    static String when(Instant instant, Locale locale) {
        return instant == null ? null : Moment.html(instant, locale);
    }

    /** A section's meetings page, or only its panel ({@code session} null) as htmx swaps it after a change. */
    String meetings(Viewer viewer, long sectionId, Session session, String token, Locale locale, String notice,
                    String problem) {
        SectionMeeting.Plan plan = meetings.of(viewer.courseId(), sectionId);
        List<MeetingView> shown = plan.meetings().stream().map(m -> new MeetingView(m.id(), m.heldOn().toString(), m.plan(),
                plan.students().stream().map(st -> new AttendanceLine(st.learnerId(), st.name(),
                        m.attendance().containsKey(st.learnerId()) ? m.attendance().get(st.learnerId()).name() : null))
                        .toList())).toList();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        List<String> statuses = Arrays.stream(Attendance.values()).map(Enum::name).toList();
        if (session == null) {
            return templates.render("fragments/coaching-meetings", locale, new MeetingsView(null, viewer.role().name(),
                    sectionId, plan.sectionName(), shown, statuses, today, notice, problem));
        }
        PageContext page = PageContext.of(session, token);
        return templates.render("coaching-meetings", locale, new MeetingsView(page.authHeaders(), page.role(), sectionId,
                plan.sectionName(), shown, statuses, today, notice, problem));
    }

    /** A section's triads page, or only its panel ({@code session} null) as htmx swaps it after a change. */
    String triads(Viewer viewer, long sectionId, Session session, String token, Locale locale, String notice,
                  String problem) {
        SectionMeeting.Plan section = meetings.of(viewer.courseId(), sectionId);
        List<StudentOption> students = section.students().stream()
                .map(st -> new StudentOption(st.learnerId(), st.name())).toList();
        LocalDate today = triads.today();
        List<TriadLine> shown = triads.ofSection(viewer.courseId(), sectionId).stream().map(t -> line(t, today)).toList();
        if (session == null) {
            return templates.render("fragments/coaching-triads", locale, new TriadsView(null, viewer.role().name(),
                    sectionId, section.sectionName(), students, shown, today.toString(), notice, problem));
        }
        PageContext page = PageContext.of(session, token);
        return templates.render("coaching-triads", locale, new TriadsView(page.authHeaders(), page.role(), sectionId,
                section.sectionName(), students, shown, today.toString(), notice, problem));
    }

    private MyTriad myTriad(Viewer viewer, Locale locale) {
        LocalDate today = triads.today();
        return triads.of(viewer.courseId(), viewer.membershipId()).flatMap(t -> t.member(viewer.membershipId()).map(me -> {
            int round = t.roundOn(today);
            Optional<Triad.Note> note = t.note(round, me.learnerId());
            return new MyTriad(line(t, today), round, t.roleOf(me, round).name(),
                    note.map(Triad.Note::received).orElse(null), note.map(Triad.Note::gave).orElse(null));
        })).orElse(null);
    }

    private static TriadLine line(Triad triad, LocalDate today) {
        int current = triad.roundOn(today);
        List<RoundLine> rounds = new ArrayList<>();
        for (int round = 0; round < triad.rounds(); round++) {
            int r = round;
            rounds.add(new RoundLine(round + 1, round, triad.startOf(round).toString(), round == current,
                    triad.members().stream().map(m -> new SeatLine(m.learnerId(), m.name(), triad.roleOf(m, r).name(),
                            triad.note(r, m.learnerId()).map(Triad.Note::received).orElse(null),
                            triad.note(r, m.learnerId()).map(Triad.Note::gave).orElse(null))).toList()));
        }
        return new TriadLine(triad.id(), String.join(", ", triad.members().stream()
                .map(m -> m.name() == null ? "?" : m.name()).toList()), triad.startsOn().toString(), triad.roundDays(), current + 1, rounds);
    }
}
