package org.organizingworkbench.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The outbox's promise under the worst of conditions: 1,000 grades reach an LMS whose score endpoint first fails,
 * while the tool's process is stopped in the middle of delivering and started again. Each learner's score is
 * accepted exactly once: rows the stopped process had claimed are taken over when their claim expires (5 s in this
 * deployment instead of 90), and a POST it sent without reading the answer is repeated with its own timestamp, so
 * the LMS's "not newer" answer marks it delivered instead of a second score.
 */
@ExtendWith({ItDatabase.class, ScoresThroughRestartIT.OwnServer.class, ArquillianExtension.class})
class ScoresThroughRestartIT {

    /** This class stops and starts a server of its own on the run's port: the shared one makes way first. */
    static final class OwnServer implements org.junit.jupiter.api.extension.BeforeAllCallback {
        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            SharedTool.stop();
        }
    }


    private static final String TOOL = "tool";
    private static final int LEARNERS = 1000;
    private static final int OUTAGE_POSTS = 100;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = TOOL, managed = false, testable = false)
    static WebArchive application() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("it.war"))).as(WebArchive.class);
        // A config source of higher ordinal than the WAR's own: a short claim, so the test need not wait 90 s.
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-short-lease.jar").addAsManifestResource(
                new StringAsset("config_ordinal=200\nworkbench.grade-delivery.lease-seconds=5\n"),
                "microprofile-config.properties"));
    }

    @Test
    void aThousandScoresArriveExactlyOnceThroughAnOutageAndARestart() throws Exception {
        try (TestPlatformServer lms = new TestPlatformServer()) {
            lms.failScores(OUTAGE_POSTS);
            deployer.deploy(TOOL);
            Instant started = Instant.now();
            queueGrades(lms);

            await("the outage ends and deliveries resume", Duration.ofSeconds(60), () -> lms.acceptedTotal() >= 250);
            deployer.undeploy(TOOL); // the process stops in the middle of delivering
            int acceptedWhenStopped = lms.acceptedTotal();
            assertTrue(acceptedWhenStopped < LEARNERS, "stopped mid-way: " + acceptedWhenStopped);
            deployer.deploy(TOOL);

            await("every grade delivered", Duration.ofSeconds(90), () -> lms.acceptedTotal() >= LEARNERS && undelivered() == 0);
            Duration took = Duration.between(started, Instant.now());
            Thread.sleep(2500); // one more worker round: nothing may follow
            Map<String, Integer> accepted = lms.accepted();
            assertEquals(LEARNERS, accepted.size(), "a score for every learner");
            accepted.forEach((user, count) -> assertEquals(1, count, user + " got " + count + " scores"));
            assertEquals(LEARNERS, lms.acceptedTotal());
            assertEquals(0, undelivered(), "every outbox row is SENT");
            assertTrue(lms.scorePosts() >= LEARNERS + OUTAGE_POSTS, "the outage was met: " + lms.scorePosts() + " posts");
            System.out.printf("ScoresThroughRestartIT: %d scores, %d POSTs (%d in the outage, %d repeats recognised),"
                            + " %d accepted before the stop, %d s from queueing to the last delivery%n", LEARNERS,
                    lms.scorePosts(), OUTAGE_POSTS, lms.refusedAsNotNewer(), acceptedWhenStopped, took.toSeconds());
        } finally {
            deployer.undeploy(TOOL);
        }
    }

    /**
     * What {@code Grades.record} leaves for 1,000 learners, written at once: a platform whose token and line item
     * endpoints are the test LMS, a course with a graded link, and a grade with its PENDING outbox row per learner.
     */
    private static void queueGrades(TestPlatformServer lms) throws Exception {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            long platform = insert(db, "INSERT INTO platform (issuer, client_id, name, auth_url, token_url, jwks_url,"
                    + " created_at, status) VALUES (?, 'restart-client', 'Restart test LMS', ?, ?, ?, UTC_TIMESTAMP(3),"
                    + " 'ACTIVE')", "https://restart-" + System.nanoTime() + ".lms.example", lms.url("/auth"),
                    lms.url("/token"), lms.url("/jwks"));
            long deployment = insert(db, "INSERT INTO deployment (platform_id, deployment_id, status, created_at)"
                    + " VALUES (?, 'restart-1', 'ACTIVE', UTC_TIMESTAMP(3))", platform);
            long course = insert(db, "INSERT INTO course (deployment_id, context_id, title, updated_at)"
                    + " VALUES (?, 'restart-course', 'Restart course', UTC_TIMESTAMP(3))", deployment);
            long link = insert(db, "INSERT INTO resource_link (course_id, link_id, title, lineitem_url, updated_at)"
                    + " VALUES (?, 'restart-link', 'Graded', ?, UTC_TIMESTAMP(3))", course, lms.url("/lineitems/1"));
            execute(db, "INSERT INTO person (platform_id, subject, name, updated_at) SELECT ?, CONCAT('learner-', seq),"
                    + " CONCAT('Learner ', seq), UTC_TIMESTAMP(3) FROM seq_1_to_" + LEARNERS, platform);
            // Only a course's learners are ever scored: the worker reads the membership before each POST.
            execute(db, "INSERT INTO membership (course_id, person_id, role, roster_role, lms_roles, active, updated_at)"
                    + " SELECT ?, id, 'LEARNER', 'LEARNER', 'Learner', TRUE, UTC_TIMESTAMP(3) FROM person WHERE platform_id = ?",
                    course, platform);
            execute(db, "INSERT INTO grade (course_id, resource_link_id, person_id, score_given, score_maximum,"
                    + " activity_progress, grading_progress, updated_at) SELECT ?, ?, id, MOD(id, 100), 100, 'Completed',"
                    + " 'FullyGraded', UTC_TIMESTAMP(3) FROM person WHERE platform_id = ?", course, link, platform);
            execute(db, "INSERT INTO grade_delivery (grade_id, line_item_url, user_id, score_given, score_maximum,"
                    + " activity_progress, grading_progress, created_at, status, attempts, next_attempt_at)"
                    + " SELECT g.id, ?, p.subject, g.score_given, g.score_maximum, g.activity_progress,"
                    + " g.grading_progress, UTC_TIMESTAMP(3), 'PENDING', 0, UTC_TIMESTAMP(3) FROM grade g"
                    + " JOIN person p ON p.id = g.person_id WHERE g.resource_link_id = ?", lms.url("/lineitems/1"), link);
            db.commit();
        }
    }

    private static int undelivered() {
        try (Connection db = database(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM grade_delivery d JOIN resource_link l"
                     + " ON l.lineitem_url = d.line_item_url WHERE l.link_id = 'restart-link' AND d.status <> 'SENT'")) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection database() throws java.sql.SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static long insert(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void execute(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            assertTrue(statement.executeUpdate() > 0, sql);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws Exception {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static void await(String what, Duration patience, BooleanSupplier done) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("not within " + patience.toSeconds() + " s: " + what);
    }
}
