package org.organizingworkbench.coaching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.organizingworkbench.curriculum.LocalizedText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rubrics of the curriculum ({@code curriculum/default/rubrics.json}), by exercise id. */
@ApplicationScoped
public class Rubrics {

    static final String FILE = "curriculum/default/rubrics.json";

    private final Map<String, Rubric> byExercise;

    public Rubrics() {
        this(FILE);
    }

    Rubrics(String resource) {
        try (InputStream in = Rubrics.class.getClassLoader().getResourceAsStream(resource)) {
            byExercise = in == null ? Map.of() : parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Rubric> of(String exerciseId) {
        return Optional.ofNullable(byExercise.get(exerciseId));
    }

    static Map<String, Rubric> parse(JsonNode root) {
        Map<String, Rubric> rubrics = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = root.path("rubrics").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            List<Rubric.Level> levels = new ArrayList<>();
            entry.getValue().path("levels").forEach(l -> levels.add(new Rubric.Level(l.path("id").asText(), text(l.path("label")))));
            List<Rubric.Criterion> criteria = new ArrayList<>();
            entry.getValue().path("criteria").forEach(c -> criteria.add(new Rubric.Criterion(c.path("id").asText(), text(c.path("title")))));
            rubrics.put(entry.getKey(), new Rubric(List.copyOf(levels), List.copyOf(criteria)));
        }
        return Map.copyOf(rubrics);
    }

    private static LocalizedText text(JsonNode node) {
        Map<String, String> texts = new HashMap<>();
        node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return new LocalizedText(texts);
    }
}
