package org.organizingworkbench.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.review.Allocation;
import org.organizingworkbench.review.Assignment;
import org.organizingworkbench.review.Pairing;
import org.organizingworkbench.review.Participant;
import org.organizingworkbench.review.PeerReviewRound;
import org.organizingworkbench.review.ReviewRounds;
import org.organizingworkbench.review.ReviewScope;
import org.organizingworkbench.review.RoundSettings;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;
import org.organizingworkbench.web.review.PeerReviewPagesForBench;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.Workbooks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Peer review's figures: how long allocation takes for a round of 2,000 submissions (all at once, and one by one
 * as late submitters arrive), how evenly reviews spread over pieces and load over reviewers, and the server time of
 * the reviewer's page (rendered in-process on MariaDB, the middle tier: the page's queries and template, no HTTP).
 * Usage: {@code mvn -q -Pbench -Dbench.main=org.organizingworkbench.bench.PeerReviewBenchmark -Dbench.size=2000}.
 */
public final class PeerReviewBenchmark {

    private PeerReviewBenchmark() {
    }

    public static void main(String[] args) {
        int size = Integer.getInteger("bench.size", 2000);
        for (int k : new int[]{2, 3}) {
            allAtOnce(size, k, ReviewScope.COURSE, 1);
            allAtOnce(size, k, ReviewScope.SECTION, 20);
        }
        oneByOne(size, 2);
        reviewPage(Integer.getInteger("bench.pages", 300));
        System.exit(0);
    }

    private static void allAtOnce(int size, int k, ReviewScope scope, int sections) {
        List<Participant> people = people(size, sections, new Random(42));
        for (int warm = 0; warm < 5; warm++) {
            Allocation.allocate(k, scope, people, List.of());
        }
        double[] ms = new double[20];
        List<Pairing> pairs = List.of();
        for (int run = 0; run < ms.length; run++) {
            long t0 = System.nanoTime();
            pairs = Allocation.allocate(k, scope, people, List.of());
            ms[run] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf("allocation, %d submissions at once, k=%d, %s (%d sections): median %.1f ms, p95 %.1f ms;"
                        + " reviews per piece %s; load per reviewer %s%n", size, k, scope, sections, percentile(ms, 50),
                percentile(ms, 95), spread(pairs, true), spread(pairs, false));
    }

    private static void oneByOne(int size, int k) {
        List<Participant> all = people(size, 1, new Random(7));
        List<Participant> present = new ArrayList<>();
        List<Pairing> pairs = new ArrayList<>();
        double[] ms = new double[size];
        long t0 = System.nanoTime();
        for (int i = 0; i < size; i++) {
            present.add(all.get(i));
            long s = System.nanoTime();
            pairs.addAll(Allocation.allocate(k, ReviewScope.COURSE, present, pairs));
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf("allocation, %d submissions one by one, k=%d: %.0f ms in all, the last arrival %.2f ms,"
                        + " p95 per arrival %.2f ms; reviews per piece %s; load per reviewer %s%n", size, k,
                (System.nanoTime() - t0) / 1e6, ms[size - 1], percentile(ms, 95), spread(pairs, true), spread(pairs, false));
    }

    private static void reviewPage(int renders) {
        TestDatabase db = TestDatabase.shared();
        CourseWorld world = new CourseWorld(db).course("c").member("c", "teacher", CourseRole.INSTRUCTOR);
        int students = 30;
        for (int i = 0; i < students; i++) {
            world.member("c", "Student " + i, CourseRole.LEARNER);
        }
        long course = world.courseId("c");
        Instant now = Instant.parse("2027-03-01T10:00:00Z");
        Exercise story = CurriculumLoader.defaultCurriculum().exercise("story-of-self").orElseThrow();
        for (int i = 0; i < students; i++) {
            long author = world.member("Student " + i);
            Author a = new Author(author, course, world.person("Student " + i), null);
            db.run(em -> {
                Workbooks workbooks = PeerReviewPagesForBench.inject(new Workbooks(), "em", em);
                Map<String, Integer> revisions = new HashMap<>();
                for (Field f : story.fields()) {
                    var value = f.type() == org.organizingworkbench.curriculum.FieldType.LIST
                            ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("courage")
                            : TextNode.valueOf("<p>" + "A moment on the bus, the driver's words. ".repeat(20) + "</p>");
                    workbooks.save(a, story, f, 0, value, "bench-" + f.id() + "-" + author, author);
                    revisions.put(f.id(), 1);
                }
                em.createNativeQuery("INSERT INTO workbook_submission (course_id, author_id, exercise_id, number, revisions,"
                                + " submitted_at, due_on, late) VALUES (?1, ?2, 'story-of-self', 1, ?3, ?4, NULL, FALSE)")
                        .setParameter(1, course).setParameter(2, author)
                        .setParameter(3, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(revisions).toString())
                        .setParameter(4, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
            });
        }
        PeerReviewRound round = db.inTransaction(em -> rounds(em, now).create(course, "story-of-self",
                RoundSettings.defaults(now), world.member("teacher")));
        List<Assignment> pairs = db.inTransaction(em -> rounds(em, now).assignments(course, round.id()));
        db.run(em -> PeerReviewPagesForBench.inject(new CurriculumVersions(), "em", em).storeDefaultIfMissing());
        double[] ms = new double[renders];
        for (int i = 0; i < renders; i++) {
            Assignment piece = pairs.get(i % pairs.size());
            long t0 = System.nanoTime();
            String html = db.inTransaction(em -> PeerReviewPagesForBench.review(em, now, piece));
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (html.length() < 1000) {
                throw new IllegalStateException("no page");
            }
        }
        double[] measured = Arrays.copyOfRange(ms, Math.min(50, renders / 2), renders);
        System.out.printf("reviewer's page (story of self, 5 prompts, 5 fields), %d renders after warm-up:"
                + " median %.1f ms, p95 %.1f ms, max %.1f ms%n", measured.length, percentile(measured, 50),
                percentile(measured, 95), Arrays.stream(measured).max().orElse(0));
    }

    private static ReviewRounds rounds(jakarta.persistence.EntityManager em, Instant now) {
        return PeerReviewPagesForBench.inject(PeerReviewPagesForBench.inject(new ReviewRounds(), "em", em), "clock",
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<Participant> people(int size, int sections, Random random) {
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            people.add(new Participant(10_000 + i, sections == 1 ? 0 : 1 + random.nextInt(sections), i, true, false));
        }
        return people;
    }

    /** "min–max (count×value …)" of reviews per piece or load per reviewer. */
    private static String spread(List<Pairing> pairs, boolean perPiece) {
        Map<Long, Integer> counts = new HashMap<>();
        pairs.forEach(p -> counts.merge(perPiece ? p.author() : p.reviewer(), 1, Integer::sum));
        IntSummaryStatistics stats = counts.values().stream().mapToInt(Integer::intValue).summaryStatistics();
        Map<Integer, Integer> histogram = new TreeMap<>();
        counts.values().forEach(c -> histogram.merge(c, 1, Integer::sum));
        return stats.getMin() + "–" + stats.getMax() + " " + histogram;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
