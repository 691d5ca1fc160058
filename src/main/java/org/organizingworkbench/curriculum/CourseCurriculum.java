package org.organizingworkbench.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A course's instructors adapt its curriculum: an edit is stored as a new version (or the equal one already stored)
 * and the course's pin moves to it; other courses stay where they are. Every change names the version it was based
 * on and is refused when the course's pin moved since, so two instructors never silently overwrite each other.
 */
@ApplicationScoped
@Transactional
public class CourseCurriculum {

    @Inject
    CurriculumVersions versions;

    @Inject
    Event<CourseCurriculumMoved> moved;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** The version the course uses (the shipped default until an instructor adapts it). */
    public CurriculumVersion inUse(long courseId) {
        return versions.pin(courseId);
    }

    /**
     * Stores the edited curriculum and moves the course to it.
     *
     * @throws StaleVersionException when the course no longer uses {@code basedOn}
     * @throws InvalidCurriculumException with every problem of the edited content
     */
    public AdaptedCurriculum adapt(long courseId, long basedOn, CurriculumFiles edited, long personId) {
        CoursePin pin = lockedPin(courseId, basedOn);
        CurriculumVersion saved = versions.saveNewVersion(edited, personId);
        if (saved.id().equals(basedOn)) {
            return new AdaptedCurriculum(saved, false);
        }
        move(pin, saved, CoursePinMove.Reason.SAVED, personId);
        return new AdaptedCurriculum(saved, true);
    }

    /**
     * Moves the course back to a version of its list.
     *
     * @throws StaleVersionException when the course no longer uses {@code basedOn}
     * @throws IllegalArgumentException when the version is not one of the course's
     */
    public CurriculumVersion goBack(long courseId, long basedOn, long versionId, long personId) {
        CoursePin pin = lockedPin(courseId, basedOn);
        CurriculumVersion target = versionsOf(courseId).stream().map(CourseVersion::version)
                .filter(v -> v.id() == versionId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Version " + versionId + " is not one of course " + courseId));
        if (versionId != basedOn) {
            move(pin, target, CoursePinMove.Reason.WENT_BACK, personId);
        }
        return target;
    }

    /**
     * The versions this course may use, newest first: those shipped with the tool and those it has used. Who saved a
     * version is told only from this course's own moves.
     */
    public List<CourseVersion> versionsOf(long courseId) {
        CurriculumVersion current = versions.pin(courseId);
        Map<Long, CourseVersion> listed = new LinkedHashMap<>();
        em.createNamedQuery("CurriculumVersion.shipped", CurriculumVersion.class)
                .setParameter("curriculumId", current.curriculumId()).getResultList()
                .forEach(v -> listed.put(v.id(), new CourseVersion(v, false, null, v.createdAt())));
        for (CoursePinMove move : em.createNamedQuery("CoursePinMove.ofCourse", CoursePinMove.class)
                .setParameter("courseId", courseId).getResultList()) {
            listed.putIfAbsent(move.version().id(), new CourseVersion(move.version(), false,
                    move.reason() == CoursePinMove.Reason.SAVED ? move.movedBy() : null, move.movedAt()));
        }
        listed.putIfAbsent(current.id(), new CourseVersion(current, false, null, current.createdAt()));
        return listed.values().stream()
                .map(v -> new CourseVersion(v.version(), v.version().id().equals(current.id()), v.savedBy(), v.savedAt()))
                .sorted(Comparator.comparingInt((CourseVersion v) -> v.version().version()).reversed())
                .toList();
    }

    /**
     * The course's pin, locked until the transaction ends, once it is known to be still on {@code basedOn}. The
     * locking read comes first: under REPEATABLE READ a plain read before it would fix an older snapshot.
     */
    private CoursePin lockedPin(long courseId, long basedOn) {
        List<?> pinned = lockPinRow(courseId);
        if (pinned.isEmpty()) {
            versions.pin(courseId);
            pinned = lockPinRow(courseId);
        }
        long inUse = ((Number) pinned.get(0)).longValue();
        if (inUse != basedOn) {
            throw new StaleVersionException(basedOn, em.find(CurriculumVersion.class, inUse));
        }
        return em.find(CoursePin.class, courseId);
    }

    private List<?> lockPinRow(long courseId) {
        return em.createNativeQuery("SELECT curriculum_version_id FROM course_curriculum WHERE course_id = ?1 FOR UPDATE")
                .setParameter(1, courseId).getResultList();
    }

    private void move(CoursePin pin, CurriculumVersion target, CoursePinMove.Reason reason, long personId) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        pin.moveTo(target, now);
        versions.forgetPin(pin.courseId());
        em.persist(new CoursePinMove(pin.courseId(), target, reason, now, personId));
        moved.fire(new CourseCurriculumMoved(pin.courseId()));
    }
}
