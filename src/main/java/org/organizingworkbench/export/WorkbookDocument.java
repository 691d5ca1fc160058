package org.organizingworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.organizingworkbench.curriculum.Curriculum;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One student's workbook as a document to print or keep: whose it is, the curriculum version it answers, the
 * language to write it in, the answers ({@code exerciseId → fieldId → value}, absent field: unanswered), and per
 * exercise when it was submitted (no entry: not submitted). Times are shown in {@code zone}.
 */
public record WorkbookDocument(String courseTitle, String authorName, Curriculum curriculum, Locale locale, ZoneId zone,
                               Map<String, Map<String, JsonNode>> answers, Map<String, Submission> submissions,
                               Instant generatedAt) {

    public WorkbookDocument {
        Objects.requireNonNull(curriculum, "curriculum");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(generatedAt, "generatedAt");
        courseTitle = courseTitle == null ? "" : courseTitle;
        authorName = authorName == null ? "" : authorName;
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        submissions = submissions == null ? Map.of() : Map.copyOf(submissions);
    }

    /** The answers to one exercise, by field id; empty when the student has written nothing there. */
    public Map<String, JsonNode> answersTo(String exerciseId) {
        return Optional.ofNullable(answers.get(exerciseId)).orElse(Map.of());
    }

    public Optional<Submission> submission(String exerciseId) {
        return Optional.ofNullable(submissions.get(exerciseId));
    }
}
