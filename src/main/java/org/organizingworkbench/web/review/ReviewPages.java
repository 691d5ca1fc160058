package org.organizingworkbench.web.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.LocalizedText;
import org.organizingworkbench.review.Assignment;
import org.organizingworkbench.review.AssignmentStatus;
import org.organizingworkbench.review.PeerReviewRound;
import org.organizingworkbench.review.ReviewForm;
import org.organizingworkbench.review.ReviewForms;
import org.organizingworkbench.review.ReviewRounds;
import org.organizingworkbench.review.Reviews;
import org.organizingworkbench.review.RoundMember;
import org.organizingworkbench.review.RoundSettings;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.AnswerText;
import org.organizingworkbench.workbook.AnswerValue;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.RichText;
import org.organizingworkbench.workbook.Workbooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The peer review pages as typed page models. What a peer sees of an author is decided here once: when the round
 * is anonymous, a reviewer's page carries no name, id or link of the author (only the piece, under the assignment's
 * own id), and an author's page carries no reviewer's name.
 */
@ApplicationScoped
public class ReviewPages {

    @Inject
    Templates templates;

    @Inject
    CurriculumVersions curricula;

    @Inject
    ReviewRounds rounds;

    @Inject
    Reviews reviews;

    @Inject
    Workbooks workbooks;

    @Inject
    Clock clock;

    /** A line of text the page shows: a label and what was written. */
    public record Shown(String label, String text) {
    }

    public record ToReview(long id, String exercise, String due, String status, boolean late) {
    }

    public record Received(long roundId, String exercise, boolean released) {
    }

    public record RoundLine(long id, String exercise, boolean released) {
    }

    public record Choice(String value, String label) {
    }

    public record ListPage(String authHeaders, String role, List<ToReview> toReview, List<Received> received,
                           List<RoundLine> rounds, List<Choice> exercises, String chosen, String notice) {
    }

    /** The reviewer's page (and staff reading a review): {@code authorLabel} is null when the author is hidden. */
    public record ReviewPage(String authHeaders, String role, long id, String exercise, String exercisePrompt,
                             String authorLabel, String reviewerLabel, List<Shown> piece, List<PromptView> prompts,
                             boolean readOnly, String status, String due, String problem, List<String> missing,
                             String notice, ReviewView view) {
    }

    public record ReceivedReview(long id, String reviewer, List<Shown> answers, Integer helpfulness, boolean flagged) {
    }

    public record ReceivedPage(String authHeaders, String role, long roundId, String exercise, String exerciseId, boolean released,
                               List<ReceivedReview> reviews, String plan, boolean revised, String notice) {
    }

    public record PairRow(long assignmentId, String reviewer, String status, boolean late, boolean flagged,
                          String flagNote, Integer helpfulness) {
    }

    public record MemberRow(long id, String name, String section, String submittedAt, boolean excused, long handed,
                            long done, boolean plan, boolean revised, List<PairRow> reviewers) {
    }

    public record RoundPage(String authHeaders, String role, long roundId, String exercise, RoundSettings settings,
                            String dueInput, boolean released, boolean instructor, List<MemberRow> members,
                            long flagged, long late, String notice, List<Choice> scopes, List<Choice> links) {
    }

    public String list(PageContext page, long courseId, long membershipId, boolean staff, String notice) {
        return list(page, courseId, membershipId, staff, null, notice);
    }

    /**
     * The list about one exercise ({@code chosen}, or null for all): staff find it preselected in the form that starts
     * a round; a student sees only that round's pieces and reviews (a link placed as the round).
     */
    public String list(PageContext page, long courseId, long membershipId, boolean staff, String chosen, String notice) {
        Curriculum curriculum = curricula.curriculumOf(courseId);
        Function<String, String> title = id -> exerciseTitle(curriculum, id, page.locale());
        List<PeerReviewRound> all = rounds.rounds(courseId);
        Instant now = clock.instant();
        List<ToReview> toReview = staff ? List.of() : rounds.handedTo(courseId, membershipId).stream()
                .filter(a -> chosen == null || chosen.equals(a.exerciseId()))
                .map(a -> new ToReview(a.id(), title.apply(a.exerciseId()), ReviewView.INSTANCE.when(a.dueAt(), page.locale()),
                        a.status().name(), a.late(now))).toList();
        List<Received> received = staff ? List.of() : all.stream()
                .filter(r -> (chosen == null || chosen.equals(r.exerciseId())) && rounds.member(r.id(), membershipId).isPresent())
                .map(r -> new Received(r.id(), title.apply(r.exerciseId()), r.released())).toList();
        List<RoundLine> lines = staff ? all.stream().map(r -> new RoundLine(r.id(), title.apply(r.exerciseId()), r.released())).toList()
                : List.of();
        List<Choice> exercises = staff ? curriculum.modules().stream().flatMap(m -> m.exercises().stream())
                .filter(e -> all.stream().noneMatch(r -> r.exerciseId().equals(e.id())))
                .map(e -> new Choice(e.id(), title.apply(e.id()))).toList() : List.of();
        return templates.render("reviews", page.locale(), new ListPage(page.authHeaders(), page.role(), toReview, received,
                lines, exercises, chosen, notice));
    }

    /**
     * @param authorName shown only to staff or when the round is not anonymous; null hides the author
     * @param reviewerName shown to staff reading a review; null otherwise
     */
    public String review(PageContext page, Assignment assignment, String authorName, String reviewerName,
                         boolean readOnly, ReviewOutcome outcome) {
        Curriculum curriculum = curricula.curriculumOf(assignment.courseId());
        String language = page.locale().getLanguage();
        Exercise exercise = curriculum.exercise(assignment.exerciseId()).orElseThrow();
        ReviewForm form = ReviewForms.shipped().forExercise(exercise.id());
        Map<String, Answer> answers = reviews.answers(assignment);
        List<PromptView> prompts = form.prompts().stream().map(p -> prompt(p, answers.get(p.id()), curriculum, language)).toList();
        return templates.render("review", page.locale(), new ReviewPage(page.authHeaders(), page.role(), assignment.id(),
                text(exercise.title(), curriculum, language), text(exercise.prompt(), curriculum, language), authorName,
                reviewerName, piece(assignment, exercise, curriculum, language), prompts,
                readOnly || assignment.status() != AssignmentStatus.ASSIGNED, assignment.status().name(),
                ReviewView.INSTANCE.when(assignment.dueAt(), page.locale()), outcome.problem(),
                outcome.missing().stream().map(id -> form.prompt(id).map(p -> text(p.label(), curriculum, language)).orElse(id)).toList(),
                outcome.notice(), ReviewView.INSTANCE));
    }

    /** The author's page of a round: their reviews once released, with reviewers' names only when not anonymous. */
    public String received(PageContext page, PeerReviewRound round, RoundMember me, Map<Long, String> reviewerNames,
                           String notice) {
        Curriculum curriculum = curricula.curriculumOf(round.courseId());
        String language = page.locale().getLanguage();
        ReviewForm form = ReviewForms.shipped().forExercise(round.exerciseId());
        List<ReceivedReview> shown = !round.released() ? List.of()
                : rounds.reviewsOf(round.courseId(), round.id(), me.membershipId()).stream()
                .map(a -> new ReceivedReview(a.id(), round.settings().anonymous() ? null : reviewerNames.get(a.reviewerId()),
                        answersShown(a, form, curriculum, language), a.helpfulness(), a.flagged())).toList();
        return templates.render("review-received", page.locale(), new ReceivedPage(page.authHeaders(), page.role(),
                round.id(), exerciseTitle(curriculum, round.exerciseId(), page.locale()), round.exerciseId(), round.released(), shown,
                me.revisionPlan(), me.revisedNumber() != null, notice));
    }

    public String round(PageContext page, PeerReviewRound round, List<RoundMember> members, boolean instructor,
                        String notice) {
        Curriculum curriculum = curricula.curriculumOf(round.courseId());
        List<Assignment> pairs = rounds.assignments(round.courseId(), round.id());
        Map<Long, String> names = members.stream().collect(Collectors.toMap(RoundMember::membershipId, RoundMember::name));
        Instant now = clock.instant();
        List<MemberRow> rows = new ArrayList<>();
        for (RoundMember m : members) {
            List<Assignment> handed = pairs.stream().filter(a -> a.reviewerId() == m.membershipId()
                    && a.status() != AssignmentStatus.WITHDRAWN).toList();
            List<PairRow> reviewers = pairs.stream().filter(a -> a.authorId() == m.membershipId())
                    .map(a -> new PairRow(a.id(), a.reviewerId() == 0 ? templates.message("review.former", page.locale())
                            : names.getOrDefault(a.reviewerId(), "#" + a.reviewerId()), a.status().name(),
                            a.late(now), a.flagged(), a.flagNote(), a.helpfulness())).toList();
            rows.add(new MemberRow(m.membershipId(), m.name(), m.section(), ReviewView.INSTANCE.when(m.submittedAt(), page.locale()),
                    m.excused(), handed.size(), handed.stream().filter(a -> a.status() == AssignmentStatus.SUBMITTED).count(),
                    m.revisionPlan() != null, m.revisedNumber() != null, reviewers));
        }
        List<Choice> scopes = java.util.Arrays.stream(org.organizingworkbench.review.ReviewScope.values())
                .map(s -> new Choice(s.name(), templates.message("review.scope." + s.name(), page.locale()))).toList();
        return templates.render("review-round", page.locale(), new RoundPage(page.authHeaders(), page.role(), round.id(),
                exerciseTitle(curriculum, round.exerciseId(), page.locale()), round.settings(),
                java.time.LocalDateTime.ofInstant(round.settings().reviewsDue(), java.time.ZoneOffset.UTC).toString().substring(0, 16), round.released(), instructor,
                rows, pairs.stream().filter(Assignment::flagged).count(), pairs.stream().filter(a -> a.late(now)).count(),
                notice, scopes, rounds.gradeLinks(round.courseId()).entrySet().stream()
                        .map(e -> new Choice(String.valueOf(e.getKey()), e.getValue())).toList()));
    }

    private List<Shown> piece(Assignment assignment, Exercise exercise, Curriculum curriculum, String language) {
        Author author = new Author(assignment.authorId(), assignment.courseId(), 0, null);
        Optional<org.organizingworkbench.workbook.Submission> submission =
                workbooks.submission(author, exercise.id(), assignment.submissionNumber());
        List<Shown> shown = new ArrayList<>();
        for (Field field : exercise.fields()) {
            Integer revision = submission.map(s -> s.revisions().get(field.id())).orElse(null);
            String value = revision == null ? "" : workbooks.revision(author, exercise.id(), field.id(), revision)
                    .map(r -> AnswerText.of(field, r.value(), language, curriculum.defaultLanguage())).orElse("");
            shown.add(new Shown(text(field.label(), curriculum, language), value));
        }
        return shown;
    }

    private List<Shown> answersShown(Assignment assignment, ReviewForm form, Curriculum curriculum, String language) {
        Map<String, Answer> answers = reviews.answers(assignment);
        return form.prompts().stream().map(p -> new Shown(text(p.label(), curriculum, language),
                answers.containsKey(p.id()) ? AnswerText.of(p, answers.get(p.id()).value(), language,
                        curriculum.defaultLanguage()) : "")).toList();
    }

    private static PromptView prompt(Field p, Answer answer, Curriculum curriculum, String language) {
        var value = answer == null ? AnswerValue.empty(p) : answer.value();
        return new PromptView(p.id(), p.type().jsonName(), text(p.label(), curriculum, language),
                p.help() == null ? null : text(p.help(), curriculum, language), p.required(), p.wordLimit(), null, null,
                null, null, false, p.options().stream().map(o -> new PromptView.Level(o.value(),
                text(o.label(), curriculum, language))).toList(), List.of(), value, answer == null ? 0 : answer.revision(),
                value.isTextual() ? RichText.words(value.asText()) : 0);
    }

    static String exerciseTitle(Curriculum curriculum, String exerciseId, Locale locale) {
        return curriculum.exercise(exerciseId).map(e -> text(e.title(), curriculum, locale.getLanguage())).orElse(exerciseId);
    }

    private static String text(LocalizedText text, Curriculum curriculum, String language) {
        return text.in(language, curriculum.defaultLanguage());
    }
}
