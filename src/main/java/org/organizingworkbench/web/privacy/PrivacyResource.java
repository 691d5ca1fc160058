package org.organizingworkbench.web.privacy;

import jakarta.inject.Inject;
import org.organizingworkbench.web.Locales;
import org.organizingworkbench.web.SessionFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.privacy.CoursePrivacy;
import org.organizingworkbench.view.Templates;

import java.util.logging.Logger;

/** A course's privacy choices, made by its instructors (behind a session, see {@link SessionFilter}). */
@Path("app/privacy")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PrivacyResource {

    private static final Logger LOG = Logger.getLogger(PrivacyResource.class.getName());

    @Inject
    CoursePrivacy privacy;

    @Inject
    Templates templates;

    @Context
    ContainerRequestContext request;

    /** Whether staff see the names of the people students met in their one-to-one logs. */
    @POST
    @Path("met-names")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String metNames(@FormParam("shown") String shown) {
        Session session = (Session) request.getProperty(SessionFilter.SESSION);
        if (!session.inCourse() || session.role() != CourseRole.INSTRUCTOR) {
            throw new ForbiddenException();
        }
        boolean allowed = "true".equals(shown);
        privacy.staffSeeMetNames(session.courseId(), allowed);
        LOG.info(() -> "Course " + session.courseId() + ": staff see met names = " + allowed + " (membership "
                + session.membershipId() + ")");
        return templates.render("fragments/privacy-settings", Locales.choose(session.locale()),
                new PrivacySettings(allowed, true));
    }

    /** Fragment {@code fragments/privacy-settings}: the course's choice, and whether it was just saved. */
    record PrivacySettings(boolean staffSeeMetNames, boolean saved) {
    }
}
