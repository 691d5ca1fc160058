package org.organizingworkbench.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.organizingworkbench.curriculum.ChoiceOption;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.FieldType;
import org.organizingworkbench.curriculum.LocalizedText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review forms, curriculum data in English and Spanish ({@code curriculum/review-forms.json}): a story form
 * (values, challenge/choice/outcome, details, call to action), a plan form (theory of change, measurable targets)
 * and a general one for every other exercise.
 */
public final class ReviewForms {

    public static final String FILE = "curriculum/review-forms.json";
    private static final ReviewForms SHIPPED = load(FILE);

    private final Map<String, ReviewForm> byExercise;
    private final ReviewForm general;

    private ReviewForms(Map<String, ReviewForm> byExercise, ReviewForm general) {
        this.byExercise = byExercise;
        this.general = general;
    }

    public static ReviewForms shipped() {
        return SHIPPED;
    }

    public ReviewForm forExercise(String exerciseId) {
        return byExercise.getOrDefault(exerciseId, general);
    }

    static ReviewForms load(String resource) {
        try (InputStream in = ReviewForms.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ReviewForm> byExercise = new HashMap<>();
            ReviewForm general = null;
            for (JsonNode form : root.path("forms")) {
                List<Field> prompts = new ArrayList<>();
                form.path("prompts").forEach(p -> prompts.add(prompt(p)));
                ReviewForm loaded = new ReviewForm(form.path("id").asText(), prompts);
                form.path("exercises").forEach(e -> byExercise.put(e.asText(), loaded));
                if ("general".equals(loaded.id())) {
                    general = loaded;
                }
            }
            if (general == null) {
                throw new IllegalStateException(resource + " has no general form");
            }
            return new ReviewForms(Map.copyOf(byExercise), general);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Field prompt(JsonNode p) {
        boolean rubric = "rubric".equals(p.path("kind").asText());
        List<ChoiceOption> levels = new ArrayList<>();
        p.path("levels").forEach(l -> levels.add(new ChoiceOption(l.path("value").asText(), text(l.path("label")))));
        return new Field(p.path("id").asText(), rubric ? FieldType.CHOICE : FieldType.LONG_TEXT, text(p.path("label")),
                p.has("help") ? text(p.path("help")) : null, p.path("required").asBoolean(false),
                p.has("wordLimit") ? p.path("wordLimit").asInt() : null, null, null, List.of(), levels, false, null, null);
    }

    private static LocalizedText text(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return new LocalizedText(texts);
    }
}
