package org.organizingworkbench.web.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.export.WorkbookPdf;
import org.organizingworkbench.privacy.DataScope;
import org.organizingworkbench.privacy.MetPeople;
import org.organizingworkbench.privacy.PersonalDataArchive;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.workbook.WorkbookAccess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The downloadable archives (docs/privacy.md): a person's, with {@code archive.json} and their workbook as PDF for
 * each course they are a student of, and a course's, with {@code archive.json} alone.
 */
@ApplicationScoped
public class DataArchives {

    static final String MEDIA_TYPE = "application/zip";

    @Inject
    PersonalDataArchive archive;

    @Inject
    WorkbookAccess access;

    @Inject
    WorkbookDocuments documents;

    @Inject
    WorkbookPdf pdf;

    @Inject
    CurriculumVersions curricula;

    @Inject
    MetPeopleNames metPeople;

    @Inject
    Templates templates;

    public byte[] ofPerson(DataScope.Members scope, Locale locale) {
        ObjectNode json = archive.export(scope);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "archive.json", PersonalDataArchive.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            entry(zip, "README.txt", templates.message("privacy.archive.readme", locale).getBytes(StandardCharsets.UTF_8));
            for (DataScope.Member member : scope.members()) {
                Author author = access.own(Viewer.authorOf(member.personId(), member.courseId(), member.membershipId()))
                        .orElse(null);
                if (author != null) {
                    entry(zip, "workbook-course-" + member.courseId() + ".pdf",
                            pdf.pdf(documents.of(author, courseTitle(json, member.courseId()), locale, true)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A course's archive; the names of people students met stay out unless the course shows them to staff. */
    public byte[] ofCourse(long courseId, Locale locale) {
        ObjectNode json = archive.export(new DataScope.Course(courseId));
        if (!metPeople.shown(courseId, false)) {
            hideMetNames(json, curricula.curriculumOf(courseId), templates.message("privacy.metPerson", locale));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "archive.json", PersonalDataArchive.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            entry(zip, "README.txt", templates.message("privacy.archive.readme", locale).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void hideMetNames(ObjectNode json, Curriculum curriculum, String placeholder) {
        for (JsonNode answer : json.path("parts").path("workbook").path("answers")) {
            curriculum.exercise(answer.path("exercise").asText()).filter(MetPeople::namesPeopleMet)
                    .flatMap(e -> e.fields().stream().filter(f -> f.id().equals(answer.path("field").asText())).findFirst())
                    .ifPresent(field -> {
                        ((ObjectNode) answer).set("value", MetPeople.hidden(field, answer.get("value"), placeholder));
                        for (JsonNode revision : answer.path("revisions")) {
                            ((ObjectNode) revision).set("value", MetPeople.hidden(field, revision.get("value"), placeholder));
                        }
                    });
        }
    }

    private static String courseTitle(JsonNode json, long courseId) {
        for (JsonNode course : json.path("parts").path("people").path("courses")) {
            if (course.path("id").asLong() == courseId) {
                return course.path("title").asText(null);
            }
        }
        return null;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
