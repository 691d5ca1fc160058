package org.organizingworkbench.bench;

import org.organizingworkbench.access.FellowScope;
import org.organizingworkbench.access.LearnerScope;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.coaching.CoachingForTests;
import org.organizingworkbench.coaching.PassageAnchor;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Server time of the section dashboard's reads (students and sections, every exercise fact as one UNION, the
 * sections' Fellows, the grading queue, the due follow-ups) on the middle tier: embedded MariaDB with the production
 * migrations, EclipseLink outside a container, no HTTP and no template rendering. Seeds one course of
 * {@code bench.students} (600) students in sections of 40, each with answers in every module, submissions in about
 * two thirds, feedback on half of those; then times a Fellow's dashboard (one section of 40 × 10 modules), the
 * instructor's (all students), and reading 200 comment threads on a 5,000-word entry placed in a revised text.
 * Prints p50/p95/p99 and the heap. Usage:
 * {@code mvn -q -Pbench -Dbench.main=org.organizingworkbench.bench.DashboardBenchmark -Dbench.runs=300}.
 */
public final class DashboardBenchmark {

    public static void main(String[] args) {
        try {
            run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1); // the embedded database's threads would keep exec:java waiting
        }
    }

    private static void run() {
        int students = Integer.getInteger("bench.students", 600);
        int runs = Integer.getInteger("bench.runs", 300);
        TestDatabase db = TestDatabase.shared();
        Curriculum curriculum = CurriculumLoader.defaultCurriculum();
        CourseWorld world = new CourseWorld(db).course("bench").member("bench", "instructor", CourseRole.INSTRUCTOR);
        int sections = (students + 39) / 40;
        for (int s = 0; s < sections; s++) {
            world.member("bench", "fellow" + s, CourseRole.TEACHING_ASSISTANT);
        }
        for (int i = 0; i < students; i++) {
            world.member("bench", "student" + i, CourseRole.LEARNER);
        }
        for (int s = 0; s < sections; s++) {
            List<String> members = new ArrayList<>(List.of("fellow" + s));
            for (int i = s * 40; i < Math.min(students, (s + 1) * 40); i++) {
                members.add("student" + i);
            }
            world.section("bench", "Section " + s, members.toArray(String[]::new));
        }
        long course = world.courseId("bench");
        seedWork(db, world, curriculum, students, course);
        Viewer fellow = new Viewer(world.person("fellow0"), course, world.member("fellow0"), CourseRole.TEACHING_ASSISTANT,
                Set.of(world.section("Section 0")), FellowScope.SECTIONS);
        Viewer instructor = new Viewer(world.person("instructor"), course, world.member("instructor"),
                CourseRole.INSTRUCTOR, Set.of(), FellowScope.SECTIONS);
        report("Fellow's dashboard (40 students x " + curriculum.modules().size() + " modules)",
                time(db, curriculum, course, fellow, false, runs));
        report("Instructor's dashboard (" + students + " students)", time(db, curriculum, course, instructor, true, runs));
        report("Comment threads on a 5,000-word entry (200 comments, every passage moved by a revision)",
                threads(db, world, course, runs));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after GC: %d MiB (max %d MiB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
        System.exit(0);
    }

    private static long[] time(TestDatabase db, Curriculum curriculum, long course, Viewer viewer, boolean all, int runs) {
        String scope = LearnerScope.of(viewer).on("m");
        long[] nanos = new long[runs];
        for (int i = -Math.min(50, runs); i < runs; i++) {
            long start = System.nanoTime();
            int rows = db.inTransaction(em -> {
                int shown = CoachingForTests.dashboard(em).of(course, scope, curriculum, all).rows().size();
                CoachingForTests.feedbacks(em).queue(course, scope);
                CoachingForTests.log(em).due(course, scope, LocalDate.now(ZoneOffset.UTC));
                return shown;
            });
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
            if (rows == 0) {
                throw new IllegalStateException("no students seen");
            }
        }
        return nanos;
    }

    /** 200 threads on one field of 5,000 words, read and placed in a revision that moved every passage. */
    private static long[] threads(TestDatabase db, CourseWorld world, long course, int runs) {
        StringBuilder words = new StringBuilder();
        for (int w = 0; w < 5000; w++) {
            words.append("word").append(w).append(w % 12 == 11 ? "\n" : " ");
        }
        String text = words.toString();
        long learner = world.member("student0");
        long fellow = world.member("fellow0");
        db.run(em -> {
            for (int c = 0; c < 200; c++) {
                String quote = "word" + (c * 25) + " word" + (c * 25 + 1);
                CoachingForTests.comments(em).comment(course, learner, "story-of-self", "story", 1, text, quote,
                        PassageAnchor.normal(text).indexOf(quote), fellow, "Comment " + c);
            }
        });
        String revised = "A new first paragraph. " + text.substring(0, text.length() / 2) + "inserted words "
                + text.substring(text.length() / 2);
        long[] nanos = new long[runs];
        for (int i = -Math.min(50, runs); i < runs; i++) {
            long start = System.nanoTime();
            int count = db.inTransaction(em -> CoachingForTests.comments(em).threads(course, learner, "story-of-self",
                    java.util.Map.of("story", revised)).size());
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
            if (count != 200) {
                throw new IllegalStateException(count + " threads");
            }
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d runs)%n", what, ms(nanos, 0.50),
                ms(nanos, 0.95), ms(nanos, 0.99), nanos.length);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Answers in the first exercise of every module; two in three submit it; half of those have feedback. */
    private static void seedWork(TestDatabase db, CourseWorld world, Curriculum curriculum, int students, long course) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<String> exercises = curriculum.modules().stream().map(m -> m.exercises().get(0)).map(Exercise::id).toList();
        for (int i = 0; i < students; i++) {
            long member = world.member("student" + i);
            StringJoiner answers = new StringJoiner(", ");
            StringJoiner submissions = new StringJoiner(", ");
            StringJoiner feedback = new StringJoiner(", ");
            for (int e = 0; e < exercises.size(); e++) {
                String ex = exercises.get(e);
                String at = "'" + now.minusDays((i + e) % 12) + "'";
                answers.add("(" + course + ", " + member + ", '" + ex + "', 'f', 1, '\"x\"', " + at + ")");
                if ((i + e) % 3 != 0) {
                    submissions.add("(" + course + ", " + member + ", '" + ex + "', 1, '{}', " + at + ", FALSE)");
                    if ((i + e) % 2 == 0) {
                        feedback.add("(" + course + ", " + member + ", '" + ex + "', " + world.member("fellow" + (i / 40))
                                + ", " + (10 + e) + ", 20, 'ok', " + at + ", " + at + ")");
                    }
                }
            }
            db.insert("INSERT INTO workbook_answer (course_id, author_id, exercise_id, field_id, revision, value, saved_at)"
                    + " VALUES " + answers);
            db.insert("INSERT INTO workbook_submission (course_id, author_id, exercise_id, number, revisions, submitted_at,"
                    + " late) VALUES " + submissions);
            if (feedback.length() > 0) {
                db.insert("INSERT INTO feedback (course_id, learner_id, exercise_id, author_id, score_given, score_maximum,"
                        + " body, graded_at, released_at) VALUES " + feedback);
            }
            db.insert("INSERT INTO coaching_note (course_id, learner_id, observation, diagnosis, commitment, follow_up_on,"
                    + " shared, created_at) VALUES (" + course + ", " + member + ", 'seen', 'HEAD', 'call two people', '"
                    + now.toLocalDate().minusDays(i % 5) + "', TRUE, '" + now + "')");
        }
    }
}
