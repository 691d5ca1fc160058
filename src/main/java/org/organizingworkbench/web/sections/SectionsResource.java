package org.organizingworkbench.web.sections;

import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.web.SessionFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.course.SectionException;
import org.organizingworkbench.course.Sections;
import org.organizingworkbench.launch.Session;

import java.util.List;
import java.util.function.Consumer;

/**
 * Sections over HTTP. Instructors arrange them on {@code /app/sections}: each change is a POST that answers the
 * panel again (htmx swaps it), 422 with the panel and the problem when a name cannot be used. Teaching Fellows see
 * the sections they lead, read-only; students get 403. Every request is checked against the session's role and
 * course, whatever the page offered: a section or member of another course answers 404.
 */
@Path("app/sections")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SectionsResource {

    @Inject
    Sections sections;

    @Inject
    SectionsPage page;

    @Context
    ContainerRequestContext request;

    @Inject
    AccessPolicy policy;

    @GET
    public String sectionsPage() {
        Session session = staff();
        return page.render(session, token());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name) {
        return change(0, course -> sections.create(course, name), "sections.created", name);
    }

    @POST
    @Path("{section}/name")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("section") long sectionId, @FormParam("name") String name) {
        return change(sectionId, course -> sections.rename(course, sectionId, name), "sections.renamed", name);
    }

    @POST
    @Path("{section}/delete")
    public Response delete(@PathParam("section") long sectionId) {
        return change(sectionId, course -> sections.delete(course, sectionId), "sections.deleted", null);
    }

    @POST
    @Path("{section}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("section") long sectionId, @FormParam("member") List<Long> members) {
        return change(sectionId, course -> sections.assign(course, sectionId, members), "sections.membersSaved", null);
    }

    @POST
    @Path("spread")
    public Response spread() {
        Session session = instructor();
        int placed = sections.spreadUnassigned(session.courseId());
        return Response.ok(page.panel(session, SectionsPage.Notice.of("sections.spreadDone", placed))).build();
    }

    /**
     * Runs one change as the session's instructor, then answers the panel with what happened.
     *
     * @param sectionId the section changed; 0 for a new one
     */
    private Response change(long sectionId, Consumer<Long> action, String doneKey, String argument) {
        Session session = instructor();
        try {
            action.accept(session.courseId());
            return Response.ok(page.panel(session, SectionsPage.Notice.of(doneKey, argument))).build();
        } catch (SectionException e) {
            if (!e.problem().isTheNames()) {
                throw new NotFoundException();
            }
            return Response.status(422).entity(page.panel(session, SectionsPage.Notice.problem(e.problem(), sectionId, argument))).build();
        }
    }

    private Session instructor() {
        if (!policy.mayManageCourse(SessionFilter.viewer(request))) {
            throw new ForbiddenException();
        }
        return staff();
    }

    private Session staff() {
        if (!policy.isStaff(SessionFilter.viewer(request))) {
            throw new ForbiddenException();
        }
        return (Session) request.getProperty(SessionFilter.SESSION);
    }

    private String token() {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION).substring(7);
    }
}
