package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.export.WorkbookPdf;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.launch.SessionTokens;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.Reader;
import org.organizingworkbench.workbook.WorkbookAccess;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The workbook as a PDF file. A download cannot carry the session header htmx sends, and a session token must
 * never be in a URL; so the page posts a form with the token in its body, and the answer is an attachment that the
 * browser saves without leaving the LMS frame. The same access rules as the pages apply.
 */
@Path("export")
public class ExportResource {

    @Inject
    SessionTokens tokens;

    @Inject
    WorkbookAccess access;

    @Inject
    WorkbookDocuments documents;

    @Inject
    WorkbookPdf pdf;

    /** @param learner the student's membership id, for staff; empty for the student's own workbook */
    @POST
    @Path("workbook.pdf")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response workbookPdf(@FormParam("token") String token, @FormParam("learner") Long learner) {
        Session session = Optional.ofNullable(token).flatMap(tokens::verify).orElse(null);
        if (session == null) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE).build();
        }
        if (!session.inCourse() || session.membershipId() == null) {
            throw new NotFoundException();
        }
        Reader reader = new Reader(session.courseId(), session.membershipId(), session.role());
        Optional<Author> author = learner == null ? access.own(reader)
                : reader.role() == CourseRole.LEARNER ? Optional.empty() : access.readable(reader, learner);
        Author whose = author.orElseThrow(NotFoundException::new);
        Locale locale = Locales.choose(session.locale());
        StreamingOutput body = out -> pdf.write(documents.of(whose, session.courseTitle(), locale), out);
        return Response.ok(body, WorkbookPdf.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(whose) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** "workbook-amara-okafor.pdf": ASCII only, so every browser keeps it. */
    static String fileName(Author author) {
        String ascii = Normalizer.normalize(author.name() == null ? "" : author.name(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "workbook" + (ascii.isEmpty() ? "" : "-" + ascii) + ".pdf";
    }
}
