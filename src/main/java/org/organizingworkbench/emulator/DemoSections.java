package org.organizingworkbench.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.course.Membership;
import org.organizingworkbench.course.SectionException;
import org.organizingworkbench.course.Sections;
import org.organizingworkbench.lti.LisRole;
import org.organizingworkbench.lti.Roster;
import org.organizingworkbench.lti.RosterMember;
import org.organizingworkbench.platform.Deployment;
import org.organizingworkbench.platform.Platform;
import org.organizingworkbench.platform.PlatformRegistry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Gives each flavour's demo course its sections (development profile only), so that a Teaching Fellow launched from
 * the emulator has students to coach: "Section A" (demo-ta-1, demo-student-1..5) and "Section B" (demo-ta-2,
 * demo-student-6..10), as listed in {@code emulator/demo-course.json}.
 * <p>
 * The course exists in the tool only after a first launch from it, so {@link DemoSectionsFilter} calls
 * {@link #seedIfNeeded()} after every successful launch. When the demo course exists and has no section at all, the
 * demo roster is applied (what a Names and Roles sync from the emulator would bring, without the HTTP round trip), so
 * every demo member has a membership whether or not they launched, and the sections are created through
 * {@link Sections} like an instructor would. A course that has sections is left alone: what an instructor changed
 * stays. Once this JVM has seen the course with sections it stops looking.
 */
@ApplicationScoped
public class DemoSections {

    private static final Logger LOG = Logger.getLogger(DemoSections.class.getName());

    @Inject
    DevPlatform platform;

    @Inject
    PlatformRegistry registry;

    @Inject
    CourseRoster roster;

    @Inject
    Sections sections;

    private final Set<PlatformFlavour> done = java.util.EnumSet.noneOf(PlatformFlavour.class);

    void seedIfNeeded() {
        if (done.size() == PlatformFlavour.values().length) {
            return;
        }
        synchronized (this) {
            for (PlatformFlavour flavour : PlatformFlavour.values()) {
                if (!done.contains(flavour)) {
                    demoCourse(flavour).ifPresent(row -> seed(flavour, row));
                }
            }
        }
    }

    private void seed(PlatformFlavour flavour, DemoCourseRow course) {
        if (sections.list(course.id()).isEmpty()) {
            roster.applyRoster(course.id(), course.platformId(), demoRoster(platform.course(flavour)));
            createSections(course.id(), platform.course(flavour));
            LOG.info(() -> "Demo course " + course.id() + " (" + flavour.displayName()
                    + ") given the sections of emulator/demo-course.json");
        }
        done.add(flavour);
    }

    private void createSections(long courseId, DemoCourse demo) {
        Map<String, Long> membershipBySubject = roster.members(courseId).stream()
                .collect(Collectors.toMap(m -> m.person().subject(), Membership::id, (a, b) -> a));
        for (DemoCourse.PlannedSection planned : demo.sections()) {
            try {
                long sectionId = sections.create(courseId, planned.name());
                sections.assign(courseId, sectionId, planned.memberIds().stream().map(membershipBySubject::get)
                        .filter(java.util.Objects::nonNull).toList());
            } catch (SectionException e) {
                LOG.warning(() -> "Demo section " + planned.name() + " not created: " + e.problem());
            }
        }
    }

    /** The roster as the flavour's Names and Roles lists it (Moodle: its non-editing teacher as Learner). */
    private static Roster demoRoster(DemoCourse course) {
        return new Roster(course.contextId(), course.label(), course.title(), course.members().stream()
                .map(m -> new RosterMember(m.id(), "Active", m.name(), m.givenName(), m.familyName(), m.email(),
                        course.flavour().rosterRoles(m.role()).stream().map(LisRole::normalize).toList()))
                .toList());
    }

    /** The flavour's demo course as the tool stored it, once someone launched from it. */
    private Optional<DemoCourseRow> demoCourse(PlatformFlavour flavour) {
        Optional<Platform> emulator = registry.find(platform.issuer(flavour), DevPlatform.clientId(flavour));
        Optional<Deployment> deployment = emulator.flatMap(p -> registry.deployment(p, DevPlatform.deploymentId(flavour)));
        return deployment.flatMap(d -> roster.courseId(d.id(), platform.course(flavour).contextId())
                .map(courseId -> new DemoCourseRow(courseId, emulator.get().id())));
    }

    private record DemoCourseRow(long id, long platformId) {
    }
}
