package org.organizingworkbench.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.infrastructure.NodeCache;
import org.organizingworkbench.infrastructure.NodeCaches;
import org.organizingworkbench.infrastructure.ToolStarted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * Stored curriculum versions and the version each course uses. Versions are never changed: an edit is stored as a
 * new version, and courses keep the version they have until moved. Inserts are {@code INSERT IGNORE} against the
 * unique keys, so nodes starting at once store the default only once.
 */
@ApplicationScoped
@Transactional
public class CurriculumVersions {

    private static final Logger LOG = Logger.getLogger(CurriculumVersions.class.getName());
    private static final int ATTEMPTS = 3;
    static final String PINS = "course-pin";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    NodeCaches caches;

    void onStart(@Observes ToolStarted started) {
        CurriculumVersion stored = storeDefaultIfMissing();
        LOG.fine(() -> "Default curriculum " + stored.curriculumId() + " is version " + stored.version());
    }

    /** Stores the shipped default unless that exact content is stored already; returns its stored version. */
    public CurriculumVersion storeDefaultIfMissing() {
        CurriculumFiles files = CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER);
        Curriculum curriculum = CurriculumLoader.validated(files, "classpath:" + CurriculumLoader.DEFAULT_FOLDER);
        return store(curriculum.id(), files, null, true);
    }

    private final java.util.Map<Long, Curriculum> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    /** Course id → the id of the version it uses; every node forgets a course's entry when its pin moves. */
    private final NodeCache<Long, Long> pins = NodeCache.ofThisNode(PINS, java.time.Duration.ofMinutes(1));

    @PostConstruct
    void shareForgetting() {
        caches.register(pins);
    }

    /**
     * The curriculum a course uses, pinning the latest shipped default the first time. Stored versions never
     * change, so each is read, parsed and validated once per node; the pin is read once per node until it moves.
     */
    public Curriculum curriculumOf(long courseId) {
        Long versionId = pins.get(courseId, this::storedPin);
        if (versionId == null) {
            versionId = pin(courseId).id();
        }
        return parsed.computeIfAbsent(versionId, id -> em.find(CurriculumVersion.class, id).curriculum());
    }

    /** The id of the version the course is pinned to, without reading the version's content; null if unpinned. */
    private Long storedPin(long courseId) {
        List<?> found = em.createNativeQuery("SELECT curriculum_version_id FROM course_curriculum WHERE course_id = ?1")
                .setParameter(1, courseId).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    /** This node's copy of the pin goes at once, inside the transaction that moves it. */
    void forgetPin(long courseId) {
        pins.forget(courseId);
    }

    /** Once a move committed, no node keeps the old pin (ours at once, the others as the grid tells them). */
    void onMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) CourseCurriculumMoved moved) {
        if (caches != null) {
            caches.forgetEverywhere(PINS, moved.courseId());
        }
    }

    /** The version the course uses; the first time, the latest shipped default is pinned. */
    public CurriculumVersion pin(long courseId) {
        CoursePin pin = em.find(CoursePin.class, courseId);
        if (pin != null) {
            return pin.version();
        }
        CurriculumVersion latest = latestShipped(CurriculumLoader.defaultCurriculum().id());
        em.createNativeQuery("INSERT IGNORE INTO course_curriculum (course_id, curriculum_version_id, pinned_at)"
                        + " VALUES (?1, ?2, ?3)")
                .setParameter(1, courseId).setParameter(2, latest.id()).setParameter(3, now()).executeUpdate();
        return em.createQuery("SELECT p.version FROM CoursePin p WHERE p.courseId = :courseId", CurriculumVersion.class)
                .setParameter("courseId", courseId).getSingleResult();
    }

    /**
     * Stores edited content as a new version of its curriculum (the id in its curriculum.json). Content equal to a
     * stored version is not stored twice: that version is returned. No course moves to it.
     *
     * @throws InvalidCurriculumException with every problem, when the content is not valid
     */
    public CurriculumVersion saveNewVersion(CurriculumFiles edited, long createdBy) {
        Curriculum curriculum = CurriculumLoader.validated(edited, "edited curriculum");
        return store(curriculum.id(), edited, createdBy, false);
    }

    /** Moves a course to another version, e.g. after its instructor saved an adapted one. */
    public void move(long courseId, long curriculumVersionId) {
        forgetPin(courseId);
        pin(courseId);
        em.find(CoursePin.class, courseId).moveTo(em.find(CurriculumVersion.class, curriculumVersionId), now());
    }

    private CurriculumVersion store(String curriculumId, CurriculumFiles files, Long createdBy, boolean shipped) {
        String content = files.toJson();
        String hash = sha256(content);
        // The next number is taken in the insert itself; a node that loses the race to a number tries again.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<CurriculumVersion> stored = byHash(curriculumId, hash);
            if (!stored.isEmpty()) {
                return stored.get(0);
            }
            em.createNativeQuery("INSERT IGNORE INTO curriculum_version (curriculum_id, version, content, content_hash,"
                            + " created_at, created_by, shipped) SELECT ?1, COALESCE(MAX(version), 0) + 1, ?2, ?3, ?4, ?5,"
                            + " ?6 FROM curriculum_version WHERE curriculum_id = ?7")
                    .setParameter(1, curriculumId).setParameter(2, content).setParameter(3, hash)
                    .setParameter(4, now()).setParameter(5, createdBy).setParameter(6, shipped).setParameter(7, curriculumId)
                    .executeUpdate();
        }
        return byHash(curriculumId, hash).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Could not store a version of curriculum " + curriculumId));
    }

    private List<CurriculumVersion> byHash(String curriculumId, String hash) {
        return em.createNamedQuery("CurriculumVersion.byHash", CurriculumVersion.class)
                .setParameter("curriculumId", curriculumId).setParameter("hash", hash).getResultList();
    }

    private CurriculumVersion latestShipped(String curriculumId) {
        return em.createNamedQuery("CurriculumVersion.latestShipped", CurriculumVersion.class)
                .setParameter("curriculumId", curriculumId).setMaxResults(1).getResultStream().findFirst()
                .orElseGet(this::storeDefaultIfMissing);
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
