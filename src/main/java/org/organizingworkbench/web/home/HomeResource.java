package org.organizingworkbench.web.home;

import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.SessionFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.course.Course;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.course.CourseRoster;
import org.organizingworkbench.course.Membership;
import org.organizingworkbench.course.RosterSync;
import org.organizingworkbench.launch.Session;

import java.util.List;
import java.util.Locale;
import org.organizingworkbench.view.Moment;
import org.organizingworkbench.view.Templates;

/** Pages and fragments behind a session (see {@link SessionFilter}). */
@Path("app")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HomeResource {

    @Inject
    HomePage homePage;

    @Inject
    CourseRoster roster;

    @Inject
    Templates templates;

    @Inject
    RosterSync rosterSync;

    @Inject
    AccessPolicy policy;

    @Context
    ContainerRequestContext request;

    @GET
    @Path("home")
    public String home() {
        Session session = session();
        return homePage.render(session, locale(session));
    }

    /**
     * The people of the course, as far as this person may see them: an instructor sees everyone; a Teaching Fellow
     * sees the members of their own sections; a student sees no roster.
     */
    @GET
    @Path("roster")
    public String roster() {
        return rosterFragment(null, false);
    }

    /**
     * An instructor brings the roster up to date from the LMS (Names and Role Provisioning). The sync runs in the
     * background; the answer shows its progress, which polls {@link #rosterSyncProgress()} until it is done.
     */
    @POST
    @Path("roster/sync")
    public String syncRoster() {
        Session session = instructorSession();
        if (!rosterSync.start(session.courseId())) {
            return rosterFragment(new RosterSync.Outcome(false, 0, "no-service"), false);
        }
        return rosterFragment(null, true);
    }

    /**
     * While the sync runs: pages and members read so far (the element replaces itself). Once it is done: the
     * roster with its outcome, swapped in place of the whole roster (htmx's HX-Retarget and HX-Reswap).
     */
    @GET
    @Path("roster/sync/progress")
    public Response rosterSyncProgress() {
        Session session = instructorSession();
        Course course = roster.course(session.courseId());
        if (course.rosterSyncRunning()) {
            return Response.ok(templates.render("fragments/roster-progress", locale(session), new RosterProgress(course)))
                    .build();
        }
        RosterSync.Outcome outcome = "OK".equals(course.rosterSyncStatus())
                ? new RosterSync.Outcome(true, course.rosterSyncMembers(), null)
                : new RosterSync.Outcome(false, 0, course.rosterSyncDetail());
        return Response.ok(rosterFragment(outcome, false))
                .header("HX-Retarget", "#roster").header("HX-Reswap", "innerHTML").build();
    }

    private Session instructorSession() {
        if (!policy.mayManageCourse(SessionFilter.viewer(request))) {
            throw new ForbiddenException();
        }
        return session();
    }

    /** @param startedSync whether this request just started a sync (which the course row may not show yet) */
    private String rosterFragment(RosterSync.Outcome outcome, boolean startedSync) {
        Session session = session();
        Viewer viewer = SessionFilter.viewer(request);
        if (!policy.isStaff(viewer)) {
            throw new ForbiddenException();
        }
        List<Membership> members = roster.activeMembersWhere(viewer.courseId(), policy.people(viewer).on("m"));
        Course course = roster.course(session.courseId());
        Locale locale = locale(session);
        return templates.render("fragments/roster", locale, new RosterView(members,
                members.stream().filter(m -> m.role() == CourseRole.LEARNER).count(),
                members.stream().filter(m -> m.role() == CourseRole.TEACHING_ASSISTANT).count(),
                members.stream().filter(m -> m.role() == CourseRole.INSTRUCTOR).count(), session.role().name(), course,
                startedSync || course.rosterSyncRunning(), outcome, course.rosterSyncedAt() == null ? null
                : Moment.html(course.rosterSyncedAt().toInstant(java.time.ZoneOffset.UTC), locale)));
    }

    private Session session() {
        return (Session) request.getProperty(SessionFilter.SESSION);
    }

    private static Locale locale(Session session) {
        return Locales.choose(session.locale());
    }
}
