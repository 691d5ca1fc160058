package org.organizingworkbench.web.workbook;

import org.organizingworkbench.web.BearerToken;
import org.organizingworkbench.web.Locales;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ForbiddenException;
import org.organizingworkbench.access.AccessPolicy;
import org.organizingworkbench.access.StudentWork;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.access.Viewers;
import org.organizingworkbench.export.ExportGate;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.export.Selection;
import org.organizingworkbench.export.WorkbookPdf;
import org.organizingworkbench.view.Moment;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.launch.SessionTokens;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.WorkbookAccess;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.organizingworkbench.view.Templates;

/**
 * The workbook as a PDF file. The page's script fetches it with the session header and saves the file, so the
 * LMS frame never leaves the page, and a refusal is shown where the button is; without the script, the form posts
 * the token in its body (a session token is never put in a URL). The same access rules as the pages apply.
 */
@Path("export")
public class ExportResource {

    @Inject
    SessionTokens tokens;

    @Inject
    WorkbookAccess access;

    @Inject
    Viewers viewers;

    @Inject
    AccessPolicy policy;

    @Inject
    WorkbookDocuments documents;

    @Inject
    WorkbookPdf pdf;

    @Inject
    CurriculumVersions curricula;

    @Inject
    Templates templates;


    @Inject
    DataArchives archives;

    @Inject
    org.organizingworkbench.privacy.Erasure erasure;

    /** One export per core at a time on this node; others wait up to 20 s, then are asked to try again. */
    private static final ExportGate GATE = new ExportGate(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(20));

    /**
     * @param learner  the student's membership id, for staff; empty for the student's own workbook
     * @param exercise one exercise's id, for a document of that exercise alone; empty for the whole workbook
     * @param answered "true" to leave out the exercises the student has not answered
     * @param zone     the reader's time zone as their browser names it; UTC when absent
     */
    @POST
    @Path("workbook.pdf")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response workbookPdf(@FormParam("token") String token, @FormParam("learner") Long learner,
                                @FormParam("exercise") String exercise, @FormParam("answered") String answered,
                                @FormParam("zone") String zone,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        if (uri.getQueryParameters().containsKey("token")) {
            // The servlet container would hand a query parameter to @FormParam when the body is empty.
            throw new BadRequestException("a session token is never taken from the address");
        }
        Optional<String> presented = token != null && !token.isBlank() ? Optional.of(token) : BearerToken.of(authorization);
        Session session = presented.flatMap(tokens::verify).orElse(null);
        if (session == null) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE).build();
        }
        if (!session.inCourse() || session.membershipId() == null) {
            throw new NotFoundException();
        }
        Viewer viewer = viewers.of(session.personId(), session.courseId(), session.membershipId())
                .orElseThrow(ForbiddenException::new);
        Optional<Author> author = learner == null ? access.own(viewer)
                : policy.isStaff(viewer) ? access.readable(viewer, learner) : Optional.empty();
        Author whose = author.orElseThrow(NotFoundException::new);
        Locale locale = Locales.choose(session.locale());
        Selection selection = new Selection(exercise == null || exercise.isBlank() ? null : exercise, "true".equals(answered));
        if (selection.exercise() != null) {
            // one exercise the reader may open, or nothing: the same 404 as its page
            WorkbookPages.visibleExercise(curricula.curriculumOf(whose.courseId()), selection.exercise(), learner == null);
        }
        byte[] body = GATE.run(() -> pdf.pdf(documents.of(whose, session.courseTitle(), locale, learner == null,
                Moment.zone(zone)), selection));
        if (body == null) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(templates.render("refusal", locale, new org.organizingworkbench.web.RefusalPages.Refusal("busy", null))).build();
        }
        if (learner != null) {
            policy.opened(viewer, StudentWork.workbookOf(learner), "pdf");
        }
        return Response.ok(body, WorkbookPdf.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(whose, selection.exercise()) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * Everything the tool holds about the person who asks, in every course of theirs (docs/privacy.md): a zip of
     * {@code archive.json} and their workbooks as PDF. Anyone with a session may take their own.
     */
    @POST
    @Path("my-data.zip")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response myData(@FormParam("token") String token, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Session session = verified(token, authorization);
        if (session == null) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE).build();
        }
        if (session.personId() == null) {
            throw new NotFoundException();
        }
        Locale locale = Locales.choose(session.locale());
        var scope = erasure.ofPerson(session.personId()).orElseThrow(NotFoundException::new);
        byte[] body = GATE.run(() -> archives.ofPerson(scope, locale));
        return body == null ? busy(locale) : attachment(body, DataArchives.MEDIA_TYPE, "my-organizing-workbench-data.zip");
    }

    /** An instructor's export of their course: the archive another installation imports (docs/privacy.md). */
    @POST
    @Path("course.zip")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response course(@FormParam("token") String token, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Session session = verified(token, authorization);
        if (session == null) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE).build();
        }
        boolean instructor = session.inCourse() && session.membershipId() != null && session.personId() != null
                && viewers.of(session.personId(), session.courseId(), session.membershipId())
                .filter(policy::mayManageCourse).isPresent();
        if (!instructor) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE).build();
        }
        Locale locale = Locales.choose(session.locale());
        byte[] body = GATE.run(() -> archives.ofCourse(session.courseId(), locale));
        return body == null ? busy(locale)
                : attachment(body, DataArchives.MEDIA_TYPE, "course-" + session.courseId() + "-archive.zip");
    }

    private Session verified(String token, String authorization) {
        Optional<String> presented = token != null && !token.isBlank() ? Optional.of(token) : BearerToken.of(authorization);
        return presented.flatMap(tokens::verify).orElse(null);
    }

    private Response busy(Locale locale) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(templates.render("refusal", locale, new org.organizingworkbench.web.RefusalPages.Refusal("busy", null))).build();
    }

    private static Response attachment(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** "workbook-amara-okafor.pdf": ASCII only, so every browser keeps it. */
    static String fileName(Author author, String exercise) {
        String whole = fileName(author);
        return exercise == null ? whole : whole.replaceFirst("\\.pdf$", "-" + exercise + ".pdf");
    }

    static String fileName(Author author) {
        String ascii = Normalizer.normalize(author.name() == null ? "" : author.name(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "workbook" + (ascii.isEmpty() ? "" : "-" + ascii) + ".pdf";
    }
}
