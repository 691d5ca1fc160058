package org.organizingworkbench.emulator;

import org.organizingworkbench.lti.LisRole;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The service rules of the platform the emulator plays, as the platforms' own code has them (LTI.md §3.3, §3.4):
 * Moodle 4.3's {@code gradebookservices} (scores.php, lineitem.php, locallib.php) and Canvas's {@code Lti::IMS}
 * controllers (scores, line items, deep linking). Pure functions, so each rule is tested without a container.
 */
public enum PlatformFlavour {

    MOODLE("moodle", "Moodle 4.3"),
    CANVAS("canvas", "Canvas");

    /** A score as a tool POSTs it. {@code submission} is Canvas's submission extension, null when absent. */
    public record ScorePost(String userId, Double scoreGiven, Double scoreMaximum, String comment,
                            OffsetDateTime timestamp, String activityProgress, String gradingProgress,
                            Map<String, Object> submission) {
    }

    /**
     * What the gradebook holds for one user on one line item.
     *
     * @param scoreGiven   the score as the platform keeps it, null for none ("-")
     * @param scoreMaximum the maximum that score is out of
     * @param grade        the score on the line item's own scale, as the gradebook shows it; null for none
     * @param needsReview  Canvas: the result is PendingManual (Lti::Result#needs_review?)
     * @param gradedAt     Moodle: the timemodified of the grade, set only when a score was stored (null otherwise)
     * @param attempts     Canvas: submissions made (each new_submission opens one)
     */
    public record Result(String userId, Double scoreGiven, Double scoreMaximum, Double grade, String comment,
                         OffsetDateTime timestamp, String activityProgress, String gradingProgress, boolean needsReview,
                         OffsetDateTime gradedAt, String submittedAt, int attempts) {
    }

    /** The platform's answer to a score POST; {@code stored} is null when it refused it. */
    public record ScoreAnswer(int status, String body, Result stored) {
        static ScoreAnswer refused(int status, String body) {
            return new ScoreAnswer(status, body, null);
        }
    }

    private final String productFamily;
    private final String displayName;

    PlatformFlavour(String productFamily, String displayName) {
        this.productFamily = productFamily;
        this.displayName = displayName;
    }

    /** The launch's {@code tool_platform.product_family_code}. */
    public String productFamily() {
        return productFamily;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The roles a member launches with. Moodle launches a non-editing teacher as Instructor (observed on 4.3).
     *
     * @param role INSTRUCTOR, TEACHING_ASSISTANT, NON_EDITING_TEACHER or LEARNER
     */
    public List<String> launchRoles(String role) {
        return switch (role) {
            case "INSTRUCTOR", "NON_EDITING_TEACHER" -> List.of(LisRole.INSTRUCTOR,
                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty");
            case "TEACHING_ASSISTANT" -> List.of(LisRole.TEACHING_ASSISTANT);
            default -> List.of(LisRole.LEARNER, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student");
        };
    }

    /**
     * The roles Names and Roles lists. Moodle writes the short form ("Learner") and lists a non-editing teacher as
     * Learner, because its NRPS tests {@code moodle/course:manageactivities} (observed on 4.3).
     */
    public List<String> rosterRoles(String role) {
        if (this == MOODLE) {
            return switch (role) {
                case "INSTRUCTOR" -> List.of("Instructor");
                case "TEACHING_ASSISTANT" -> List.of(LisRole.TEACHING_ASSISTANT);
                default -> List.of("Learner");
            };
        }
        return launchRoles(role);
    }

    /** Whether the gradebook takes scores for the role: students only (Moodle's gradebookroles, Canvas's students). */
    public static boolean gradable(String role) {
        return "LEARNER".equals(role);
    }

    /**
     * The platform's rules for a score POST.
     *
     * @param previous     the user's result on the line item so far, null when none
     * @param itemMaximum  the line item's scoreMaximum
     * @param gradable     whether the user is a student of the course (null: the platform does not know the user)
     * @param nowIso       the time to record for a Canvas submission without submitted_at
     */
    public ScoreAnswer acceptScore(Result previous, ScorePost post, double itemMaximum, Boolean gradable,
                                   OffsetDateTime nowIso) {
        return this == MOODLE ? moodle(previous, post, itemMaximum, gradable)
                : canvas(previous, post, itemMaximum, gradable, nowIso);
    }

    // scores.php: get_json_for_post_request and gradebookservices::save_grade_item.
    private static ScoreAnswer moodle(Result previous, ScorePost post, double itemMaximum, Boolean gradable) {
        if (!Boolean.TRUE.equals(gradable)) {
            return ScoreAnswer.refused(400, "Incorrect score received");
        }
        double maximum = post.scoreMaximum() == null ? 1 : post.scoreMaximum();
        if (previous != null && previous.gradedAt() != null
                && previous.gradedAt().toEpochSecond() >= post.timestamp().toEpochSecond()) {
            return ScoreAnswer.refused(409, "Refusing score with an earlier timestamp for item and user " + post.userId());
        }
        Double score = "FullyGraded".equals(post.gradingProgress()) ? post.scoreGiven() : null;
        Double grade = score == null ? null
                : maximum != itemMaximum && maximum != 0 ? score * itemMaximum / maximum : score;
        return new ScoreAnswer(200, "", new Result(post.userId(), score, score == null ? null : maximum, grade,
                post.comment(), post.timestamp(), post.activityProgress(), post.gradingProgress(), false,
                score == null ? null : post.timestamp(), null, 0));
    }

    // scores_controller.rb: verify_user_in_context, verify_valid_timestamp, verify_valid_score_maximum, create.
    private static ScoreAnswer canvas(Result previous, ScorePost post, double itemMaximum, Boolean gradable,
                                      OffsetDateTime now) {
        if (!Boolean.TRUE.equals(gradable)) {
            return ScoreAnswer.refused(422, "{\"errors\":{\"type\":\"unprocessable_entity\","
                    + "\"message\":\"User not found in course or is not a student\"}}");
        }
        if (previous != null && previous.timestamp().isAfter(post.timestamp())) {
            return ScoreAnswer.refused(400, "Provided timestamp of " + post.timestamp() + " before last updated timestamp of "
                    + previous.timestamp().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        boolean keepsScore = post.scoreGiven() != null
                && ("FullyGraded".equals(post.gradingProgress()) || "PendingManual".equals(post.gradingProgress()));
        if (keepsScore && post.scoreMaximum() == null) {
            return ScoreAnswer.refused(422, "ScoreMaximum not supplied when ScoreGiven present.");
        }
        Map<String, Object> submission = post.submission() == null ? Map.of() : post.submission();
        boolean newSubmission = !Boolean.FALSE.equals(submission.get("new_submission"))
                && !"none".equals(submission.get("submission_type"));
        int attempts = (previous == null ? 0 : previous.attempts()) + (newSubmission ? 1 : 0);
        String submittedAt = newSubmission
                ? (submission.get("submitted_at") instanceof String s ? s : now.toString())
                : previous == null ? null : previous.submittedAt();
        Double grade = keepsScore ? scaled(post.scoreGiven(), post.scoreMaximum(), itemMaximum) : null;
        return new ScoreAnswer(200, "{}", new Result(post.userId(), keepsScore ? post.scoreGiven() : null,
                keepsScore ? post.scoreMaximum() : null, grade, post.comment(), post.timestamp(), post.activityProgress(),
                post.gradingProgress(), "PendingManual".equals(post.gradingProgress()), null, submittedAt, attempts));
    }

    private static double scaled(double score, double maximum, double itemMaximum) {
        return Math.abs(maximum) < 1e-9 ? score : score * itemMaximum / maximum;
    }

    /** What the LMS gradebook's cell shows for the result: the grade or "-", and Canvas's review flag. */
    public String shows(Result result) {
        String grade = result == null || result.grade() == null ? "-"
                : BigDecimal.valueOf(Math.round(result.grade() * 100) / 100.0).stripTrailingZeros().toPlainString();
        return this == CANVAS && result != null && result.needsReview() ? grade + " (needs review)" : grade;
    }

    /**
     * Whether the platform keeps a due date for a placed activity. Moodle 4.3: neither Deep Linking
     * (lti_convert_content_items reads no dates) nor a line item PUT (lineitem.php) sets one. Canvas: the content
     * item's {@code submission.endDateTime} becomes the assignment's due date (deep_linking_modules.rb); a line
     * item's {@code endDateTime} on PUT is taken here as its current API describes it (not verified in its source).
     */
    public boolean keepsDueDates() {
        return this == CANVAS;
    }
}
