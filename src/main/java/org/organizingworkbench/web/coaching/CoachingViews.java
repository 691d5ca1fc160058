package org.organizingworkbench.web.coaching;

import org.organizingworkbench.coaching.CoachingNote;
import org.organizingworkbench.coaching.Feedback;
import org.organizingworkbench.coaching.SectionLead;

import java.util.List;

/** The typed page models of the coaching pages and fragments. */
final class CoachingViews {

    private CoachingViews() {
    }

    /** A rubric criterion with its levels, the chosen one marked. */
    record CriterionView(String id, String title, List<LevelView> levels, String chosenLabel) {
    }

    record LevelView(String id, String label, boolean checked) {
    }

    /**
     * The feedback part of a student's exercise page: staff's form, or what the student was released.
     *
     * @param feedback null when there is none (or, for the student, none released)
     * @param scale    the line item's maximum (or the exercise's points, or 100 when not placed)
     * @param placed   how many placed activities with a line item the exercise has in the course
     */
    record FeedbackView(boolean staff, boolean mayGrade, long learnerId, String learnerName, String exerciseId,
                        String base, Feedback feedback, List<CriterionView> rubric, double scale, int placed,
                        Integer submissionNumber, String releasedAt, List<ReplyView> replies, String notice,
                        String problem, List<ThreadView> threads, List<FieldOption> commentable) {
    }

    /** A long-text field a passage can be quoted from. */
    record FieldOption(String id, String label) {
    }

    /**
     * A comment thread on a passage.
     *
     * @param placement HERE (the passage is where it was), MOVED (found elsewhere in the text) or EARLIER (the text
     *                  no longer has it: it refers to an earlier version)
     */
    record ThreadView(long id, String fieldLabel, String quote, String placement, int revision, String author,
                      String body, String at, boolean resolved, List<ReplyView> replies) {
    }

    record ReplyView(String author, String body, String at) {
    }

    /** One row of the heat map. */
    record RowView(long learnerId, String name, String section, List<String> cells, List<String> attention) {
    }

    record QueueLine(long learnerId, String name, String exerciseId, String exerciseTitle, int number,
                     String submittedAt, boolean late, boolean resubmitted, boolean drafted) {
    }

    record FollowUpLine(long noteId, long learnerId, String name, String commitment, String dueOn, boolean confirmed) {
    }

    /** One grader's scores as percentages: count, mean, range and a five-bucket histogram (0–20 … 80–100 %). */
    record Distribution(String grader, int count, int mean, int min, int max, List<Integer> buckets) {
    }

    record ModuleHead(int number, String title) {
    }

    record DashboardView(String authHeaders, String role, boolean instructor, List<ModuleHead> modules,
                         List<RowView> attention, List<RowView> rows, List<FollowUpLine> followUps,
                         List<QueueLine> queue, List<SectionLead> sections, List<Distribution> distributions,
                         List<NumbersLine> numbers, PeerSetting peerComments) {
    }

    record NoteView(long id, String author, String observation, String diagnosis, String intervention,
                    String commitment, String followUpOn, boolean followedUp, boolean shared, boolean confirmed,
                    String at) {

        static NoteView of(CoachingNote n, String at) {
            return new NoteView(n.id(), n.authorName(), n.observation(), n.diagnosis().name(), n.intervention(),
                    n.commitment(), n.followUpOn() == null ? null : n.followUpOn().toString(), n.followedUpAt() != null,
                    n.shared(), n.confirmedAt() != null, at);
        }
    }

    /** A student's coaching log as staff see it (every note) and write in it. */
    record LogView(String authHeaders, String role, long learnerId, String learnerName, List<NoteView> notes,
                   List<String> diagnoses, String notice, String problem) {
    }

    record NewLine(String exerciseId, String exerciseTitle, String author, String at) {
    }

    /** The coaching part of the home page: a student's new feedback and commitments; staff's queue and due work. */
    record HomeView(boolean learner, List<NewLine> news, List<NoteView> commitments, List<OpenLine> openComments,
                    int waiting, int followUps, MyTriad triad) {
    }

    /** Open comment threads on one of the student's exercises. */
    record OpenLine(String exerciseId, String exerciseTitle, long count) {
    }

    /** One student's mark at one meeting. */
    record AttendanceLine(long learnerId, String name, String status) {
    }

    record MeetingView(long id, String heldOn, String plan, List<AttendanceLine> attendance) {
    }

    /** A section's weekly meetings: plan the next, mark attendance. */
    record MeetingsView(String authHeaders, String role, long sectionId, String sectionName, List<MeetingView> meetings,
                        List<String> statuses, String today, String notice, String problem) {
    }

    /** A student of a triad in one round: their role and what they recorded. */
    record SeatLine(long learnerId, String name, String role, String received, String gave) {
    }

    /** One round of a triad: {@code number} from 1, {@code index} from 0 as the forms send it. */
    record RoundLine(int number, int index, String startsOn, boolean current, List<SeatLine> seats) {
    }

    record TriadLine(long id, String names, String startsOn, int roundDays, int current, List<RoundLine> rounds) {
    }

    /** The student's triad on their home page: their role this round and what they recorded for it. */
    record MyTriad(TriadLine triad, int round, String role, String received, String gave) {
    }

    /** An active student of the section, as the triad form offers them. */
    record StudentOption(long learnerId, String name) {
    }

    /** A section's triads: form one, follow each round. */
    record TriadsView(String authHeaders, String role, long sectionId, String sectionName, List<StudentOption> students,
                      List<TriadLine> triads, String today, String notice, String problem) {
    }

    /** A measure as the chart's words say it: what is counted, the number reached (null: not yet), the target. */
    record MeasureLine(String label, String reached, String target) {
    }

    /** One small chart of a student's campaign numbers for an exercise; {@code svg} is markup TargetBars drew. */
    record ChartView(String id, String title, String svg, List<MeasureLine> measures) {
    }

    /** A student's campaign numbers against their targets on the dashboard. */
    record NumbersLine(long learnerId, String name, String section, List<ChartView> charts) {
    }

    /** The instructor's switch for peers commenting on passages. */
    record PeerSetting(boolean allowed, String notice) {
    }

    /** A classmate's comment form on a passage of the submitted entry, with what became of the last one. */
    record PeerCommentView(long learnerId, String exerciseId, List<FieldOption> fields, String notice, String problem) {
    }
}
