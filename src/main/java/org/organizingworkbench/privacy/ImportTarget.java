package org.organizingworkbench.privacy;

import java.util.Map;
import java.util.Optional;

/**
 * Where an archive goes: a course of this installation, and which of its memberships each membership id of the
 * archive became (matched by platform subject, or mapped by the admin). Filled by the people part, read by the rest.
 */
public final class ImportTarget {

    private final long courseId;
    private final long platformId;
    private final Map<String, String> subjects;
    private final Map<Long, Long> memberships = new java.util.HashMap<>();

    /** @param subjects the admin's mapping: a subject in the archive → the person's subject on this platform */
    public ImportTarget(long courseId, long platformId, Map<String, String> subjects) {
        this.courseId = courseId;
        this.platformId = platformId;
        this.subjects = Map.copyOf(subjects);
    }

    /** The subject an archived person has here: as mapped, else the same (a course moved within one LMS). */
    public String subjectHere(String archivedSubject) {
        return subjects.getOrDefault(archivedSubject, archivedSubject);
    }

    public long courseId() {
        return courseId;
    }

    /** The platform of the target course: people are matched by subject on it. */
    public long platformId() {
        return platformId;
    }

    public void map(long archivedMembershipId, long membershipId) {
        memberships.put(archivedMembershipId, membershipId);
    }

    public Optional<Long> membership(long archivedMembershipId) {
        return Optional.ofNullable(memberships.get(archivedMembershipId));
    }

    public Map<Long, Long> memberships() {
        return Map.copyOf(memberships);
    }
}
