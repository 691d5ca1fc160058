package org.organizingworkbench.web.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.curriculum.CurriculumVersions;
import org.organizingworkbench.export.Submission;
import org.organizingworkbench.export.WorkbookDocument;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.Workbooks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A student's workbook as it stands now, as the document the print view and the PDF show. */
@ApplicationScoped
public class WorkbookDocuments {

    @Inject
    Workbooks workbooks;

    @Inject
    CurriculumVersions curricula;

    @Inject
    MetPeopleNames metPeople;

    /** @param own whether the reader is the student (staff may not see the names of people the student met) */
    public WorkbookDocument of(Author author, String courseTitle, Locale locale, boolean own) {
        return of(author, courseTitle, locale, own, ZoneOffset.UTC);
    }

    /** @param zone where the reader is, as their browser said; the document's times are written there */
    public WorkbookDocument of(Author author, String courseTitle, Locale locale, boolean own, ZoneId zone) {
        Map<String, Map<String, JsonNode>> written = new HashMap<>();
        workbooks.answers(author).forEach((exercise, fields) -> written.put(exercise, values(fields)));
        org.organizingworkbench.curriculum.Curriculum curriculum = curricula.curriculumOf(author.courseId());
        Map<String, Map<String, JsonNode>> answers = metPeople.values(author.courseId(), own, curriculum, written, locale);
        Map<String, Submission> submissions = new HashMap<>();
        workbooks.latestSubmissions(author).forEach((exercise, submission) ->
                submissions.put(exercise, new Submission(submission.submittedAt(), submission.late())));
        return new WorkbookDocument(courseTitle, author.name(), curriculum, locale,
                zone, answers, submissions, Instant.now());
    }

    /** The answers of one exercise as the diagrams read them. */
    static Map<String, JsonNode> values(Map<String, Answer> answers) {
        Map<String, JsonNode> values = new HashMap<>();
        answers.forEach((field, answer) -> values.put(field, answer.value()));
        return values;
    }
}
