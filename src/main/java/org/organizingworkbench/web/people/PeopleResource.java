package org.organizingworkbench.web.people;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.course.MemberRoles;
import org.organizingworkbench.course.RoleChangeRefused;
import org.organizingworkbench.course.RoleChoice;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.web.PageContexts;
import org.organizingworkbench.web.SessionFilter;

import java.util.Arrays;
import java.util.List;

/**
 * People and roles ({@code /app/people}): an instructor sees the course's members with the role the tool gives
 * them and what the LMS says, and chooses a role in the tool or goes back to the LMS's. Only instructors; each
 * change answers the panel again (htmx swaps it), 422 with the reason when it is refused.
 */
@Path("app/people")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PeopleResource {

    /** What the role control offers besides "as the LMS says". */
    private static final String LMS = "LMS";

    @Inject
    MemberRoles roles;

    @Inject
    AccessPolicy policy;

    @Inject
    PageContexts pages;

    @Inject
    Templates templates;

    @Context
    ContainerRequestContext request;

    /** The page's model: who is in the course, the roles to choose from, the instructor themselves, what happened. */
    record PeoplePage(String authHeaders, String role, List<RoleChoice> people, List<String> roles, long self,
                      String notice) {
    }

    @GET
    public String peoplePage() {
        Viewer instructor = instructor();
        PageContext page = pages.of(session());
        return templates.render("people", page.locale(), model(instructor, page, null));
    }

    @POST
    @Path("{member}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("member") long memberId, @FormParam("role") String role) {
        Viewer instructor = instructor();
        try {
            if (LMS.equals(role)) {
                roles.followLms(instructor.courseId(), memberId, instructor.membershipId());
            } else {
                roles.choose(instructor.courseId(), memberId, roleNamed(role), instructor.membershipId());
            }
            return Response.ok(panel(instructor, "saved")).build();
        } catch (RoleChangeRefused refused) {
            return Response.status(422).entity(panel(instructor, refused.reason().name())).build();
        }
    }

    private static CourseRole roleNamed(String role) {
        return Arrays.stream(CourseRole.values()).filter(r -> r.name().equals(role)).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.BadRequestException("unknown role"));
    }

    private String panel(Viewer instructor, String notice) {
        PageContext page = pages.of(session());
        return templates.render("fragments/people", page.locale(), model(instructor, page, notice));
    }

    private PeoplePage model(Viewer instructor, PageContext page, String notice) {
        return new PeoplePage(page.authHeaders(), page.role(), roles.list(instructor.courseId()),
                Arrays.stream(CourseRole.values()).map(Enum::name).toList(), instructor.membershipId(), notice);
    }

    private Viewer instructor() {
        Viewer viewer = SessionFilter.viewer(request);
        if (!policy.mayManageCourse(viewer)) {
            throw new ForbiddenException();
        }
        return viewer;
    }

    private Session session() {
        return (Session) request.getProperty(SessionFilter.SESSION);
    }
}
