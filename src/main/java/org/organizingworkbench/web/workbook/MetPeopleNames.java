package org.organizingworkbench.web.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.privacy.CoursePrivacy;
import org.organizingworkbench.privacy.MetPeople;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.workbook.Answer;
import org.organizingworkbench.workbook.Revision;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the course's choice about the names of people a student met ({@link MetPeople}) to what staff read: the
 * exercise page, its history, the print view and the PDF. A student's own pages always show the names.
 */
@ApplicationScoped
public class MetPeopleNames {

    @Inject
    CoursePrivacy privacy;

    @Inject
    Templates templates;

    /** Whether the reader sees the names: the student themselves, or staff where the course allows. */
    public boolean shown(long courseId, boolean own) {
        return own || privacy.staffSeeMetNames(courseId);
    }

    public Map<String, Answer> answers(long courseId, boolean own, Exercise exercise, Map<String, Answer> answers,
                                       Locale locale) {
        if (!MetPeople.namesPeopleMet(exercise) || shown(courseId, own)) {
            return answers;
        }
        String placeholder = placeholder(locale);
        Map<String, Answer> hidden = new HashMap<>();
        answers.forEach((fieldId, a) -> hidden.put(fieldId, exercise.fields().stream()
                .filter(f -> f.id().equals(fieldId)).findFirst()
                .map(f -> new Answer(a.exerciseId(), a.fieldId(), a.revision(),
                        MetPeople.hidden(f, a.value(), placeholder), a.savedAt()))
                .orElse(a)));
        return hidden;
    }

    public List<Revision> revisions(long courseId, boolean own, Exercise exercise, Field field, List<Revision> revisions,
                                    Locale locale) {
        if (!MetPeople.namesPeopleMet(exercise) || shown(courseId, own)) {
            return revisions;
        }
        String placeholder = placeholder(locale);
        return revisions.stream().map(r -> new Revision(r.number(), MetPeople.hidden(field, r.value(), placeholder),
                r.savedAt(), r.savedBy(), r.restoredFrom())).toList();
    }

    /** Every exercise's values (exercise id → field id → value), as the print view and PDF read them. */
    public Map<String, Map<String, JsonNode>> values(long courseId, boolean own, Curriculum curriculum,
                                                     Map<String, Map<String, JsonNode>> values, Locale locale) {
        if (shown(courseId, own)) {
            return values;
        }
        String placeholder = placeholder(locale);
        Map<String, Map<String, JsonNode>> hidden = new HashMap<>(values);
        values.forEach((exerciseId, fields) -> curriculum.exercise(exerciseId).filter(MetPeople::namesPeopleMet)
                .ifPresent(exercise -> {
                    Map<String, JsonNode> changed = new HashMap<>();
                    fields.forEach((fieldId, value) -> changed.put(fieldId, exercise.fields().stream()
                            .filter(f -> f.id().equals(fieldId)).findFirst()
                            .map(f -> MetPeople.hidden(f, value, placeholder)).orElse(value)));
                    hidden.put(exerciseId, changed);
                }));
        return hidden;
    }

    private String placeholder(Locale locale) {
        return templates.message("privacy.metPerson", locale);
    }
}
