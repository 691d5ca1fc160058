package org.organizingworkbench.web.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import org.organizingworkbench.web.Locales;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.organizingworkbench.privacy.ArchiveImport;
import org.organizingworkbench.privacy.DataDirectory;
import org.organizingworkbench.privacy.Erasure;
import org.organizingworkbench.privacy.InvalidArchiveException;
import org.organizingworkbench.privacy.PersonalDataArchive;
import org.organizingworkbench.privacy.Retention;
import org.organizingworkbench.view.Templates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The tool administrator's "Personal data" panel (behind {@link AdminFilter}): deleting a person or a course as its
 * own confirmed action (the page says what will go, with counts; the admin types the name), importing an archive
 * into a course, and applying the retention period now.
 */
@Path("admin/privacy")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AdminPrivacyResource {

    @Inject
    DataDirectory directory;

    @Inject
    Erasure erasure;

    @Inject
    ArchiveImport imports;

    @Inject
    Retention retention;

    @Inject
    Templates templates;

    @Inject
    @ConfigProperty(name = "workbench.retention.days", defaultValue = "730")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "workbench.retention.notice-days", defaultValue = "30")
    int noticeDays;

    @GET
    public String panel(@QueryParam("q") String search, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        PrivacyPanel panel = panel();
        return render(language, search == null ? panel : panel.found(search, directory.people(search)));
    }

    @GET
    @Path("courses/{id}/erase")
    public Response confirmCourse(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return directory.course(id).map(course -> Response.ok(confirmation(language, "course", course.id(),
                course.confirmation(), erasure.count(new org.organizingworkbench.privacy.DataScope.Course(id)), false)).build())
                .orElseGet(() -> Response.status(404).entity(render(language, panel().withGone())).build());
    }

    @POST
    @Path("courses/{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response eraseCourse(@PathParam("id") long id, @FormParam("confirm") String typed,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Optional<DataDirectory.CourseLine> course = directory.course(id);
        if (course.isEmpty()) {
            return Response.status(404).entity(render(language, panel().withGone())).build();
        }
        if (!matches(typed, course.get().confirmation())) {
            return Response.status(422).entity(confirmation(language, "course", id, course.get().confirmation(),
                    erasure.count(new org.organizingworkbench.privacy.DataScope.Course(id)), true)).build();
        }
        return Response.ok(render(language, panel().withDeleted(worded(erasure.eraseCourse(id), language)))).build();
    }

    @GET
    @Path("people/{id}/erase")
    public Response confirmPerson(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return directory.person(id).map(person -> Response.ok(confirmation(language, "person", id,
                        person.confirmation(), personCounts(id), false)).build())
                .orElseGet(() -> Response.status(404).entity(render(language, panel().withGone())).build());
    }

    @POST
    @Path("people/{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erasePerson(@PathParam("id") long id, @FormParam("confirm") String typed,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Optional<DataDirectory.PersonLine> person = directory.person(id);
        if (person.isEmpty()) {
            return Response.status(404).entity(render(language, panel().withGone())).build();
        }
        if (!matches(typed, person.get().confirmation())) {
            return Response.status(422).entity(confirmation(language, "person", id, person.get().confirmation(),
                    personCounts(id), true)).build();
        }
        return Response.ok(render(language, panel().withDeleted(worded(erasure.erasePerson(id), language)))).build();
    }

    /**
     * An archive (the zip a download gave, or its archive.json) into a course. The body is the file; the header
     * X-Subject-Map carries the admin's mapping, URL-encoded lines "subject in the archive = subject here".
     */
    @POST
    @Path("import")
    @Consumes({"application/zip", "application/json", MediaType.APPLICATION_OCTET_STREAM})
    public Response importArchive(@QueryParam("course") long courseId, @HeaderParam("X-Subject-Map") String mapping,
                                  byte[] body, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        JsonNode archive;
        try {
            archive = readArchive(body);
        } catch (IOException | RuntimeException e) {
            return Response.status(422).entity(render(language, panel().withImportProblem("unreadable"))).build();
        }
        try {
            Map<String, Integer> added = imports.into(courseId, archive, subjectMap(mapping));
            String summary = added.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            return Response.ok(render(language, panel().withImported(summary))).build();
        } catch (InvalidArchiveException e) {
            return Response.status(422).entity(render(language, panel().withImportProblem(e.reason()))).build();
        }
    }

    @POST
    @Path("retention")
    public String applyRetention(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Retention.Pass pass = retention.apply();
        return render(language, panel().withRetentionPass(pass));
    }

    private Map<String, Long> personCounts(long personId) {
        return erasure.ofPerson(personId).map(erasure::count).orElse(Map.of("people", 1L));
    }

    static JsonNode readArchive(byte[] body) throws IOException {
        if (body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().equals("archive.json")) {
                        return PersonalDataArchive.JSON.readTree(zip.readAllBytes());
                    }
                }
            }
            throw new IOException("no archive.json in the zip");
        }
        return PersonalDataArchive.JSON.readTree(body);
    }

    static Map<String, String> subjectMap(String header) {
        Map<String, String> map = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return map;
        }
        for (String line : URLDecoder.decode(header, StandardCharsets.UTF_8).split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.substring(0, eq).isBlank() && !line.substring(eq + 1).isBlank()) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return map;
    }

    static boolean matches(String typed, String expected) {
        return typed != null && expected != null && typed.strip().equalsIgnoreCase(expected.strip());
    }

    private String worded(Map<String, Long> counts, String language) {
        Locale locale = Locales.choose(language);
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + templates.message("privacy.kind." + e.getKey(), locale))
                .collect(Collectors.joining(", "));
    }

    private String confirmation(String language, String kind, long id, String expected, Map<String, Long> counts,
                                boolean mismatch) {
        return templates.render("fragments/privacy-erase", Locales.choose(language),
                new ErasureConfirmation(kind, id, expected, counts, mismatch));
    }

    private PrivacyPanel panel() {
        return PrivacyPanel.of(directory.courses(), retentionDays, noticeDays);
    }

    private String render(String language, PrivacyPanel panel) {
        return templates.render("fragments/privacy-admin", Locales.choose(language), panel);
    }
}
