package org.organizingworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Workbooks to export in tests and the PDF benchmark: every exercise of a curriculum answered at realistic
 * lengths (long texts near their word limits, tables with several rows), in Spanish so accents are exercised.
 */
public final class SampleWorkbooks {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SENTENCES = {
            "La reunión empezó tarde porque la sala del sindicato estaba ocupada.",
            "María contó por qué el cambio de turno sin aviso le cuesta el cuidado de su hija.",
            "Después de escuchar, pedimos un compromiso concreto con fecha: traer a dos compañeras el jueves.",
            "No todo salió bien: olvidamos preguntar qué recursos tenía cada persona.",
            "Aprendí que una historia con un momento de elección convence más que una lista de datos.",
            "El equipo acordó decidir por consenso y votar solo cuando el tiempo apremie.",
            "La próxima vez prepararé la reunión uno a uno con preguntas abiertas y escucharé más.",
            "Ñandú, acción, corazón, güero: la organización se hace con paciencia y constancia."};
    private static final String[] NAMES = {"Ana Ruiz", "Luis Peña", "Marta Ibáñez", "Kofi Mensah", "Sofía Núñez",
            "José Álvarez", "Wei Chen", "Lucía Gómez"};

    private SampleWorkbooks() {
    }

    /** Every exercise answered and submitted (one late); the team's snowflake has two levels. */
    public static WorkbookDocument full(Curriculum curriculum, Locale locale) {
        Map<String, Map<String, JsonNode>> answers = new LinkedHashMap<>();
        Map<String, Submission> submissions = new HashMap<>();
        Instant submitted = Instant.parse("2027-03-01T10:15:00Z");
        int[] seed = {0};
        curriculum.exercises().forEach(exercise -> {
            answers.put(exercise.id(), answers(exercise, seed));
            submissions.put(exercise.id(), new Submission(submitted, exercise.id().equals("team-charter")));
        });
        return new WorkbookDocument("Organizing: People, Power and Change", "Carmen Muñoz", curriculum, locale,
                ZoneId.of("Europe/Madrid"), answers, submissions, Instant.parse("2027-06-01T08:00:00Z"));
    }

    private static Map<String, JsonNode> answers(Exercise exercise, int[] seed) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Field field : exercise.fields()) {
            answers.put(field.id(), value(field, seed, 0));
        }
        if (exercise.id().equals("team-charter")) {
            answers.put("members", team());
        }
        return answers;
    }

    private static JsonNode value(Field field, int[] seed, int row) {
        int n = seed[0]++;
        return switch (field.type()) {
            case SHORT_TEXT -> NODES.textNode(sentence(n));
            case LONG_TEXT -> NODES.textNode(paragraphs(field.wordLimit() == null ? 200 : field.wordLimit() * 4 / 5, n));
            case LIST -> {
                ArrayNode items = NODES.arrayNode();
                for (int i = 0; i < 4; i++) {
                    items.add(sentence(n + i));
                }
                yield items;
            }
            case TABLE -> {
                ArrayNode rows = NODES.arrayNode();
                int count = Math.min(6, field.maxItems() == null ? 6 : field.maxItems());
                for (int r = 0; r < count; r++) {
                    ObjectNode cells = NODES.objectNode();
                    for (Field column : field.columns()) {
                        cells.set(column.id(), value(column, seed, r));
                    }
                    rows.add(cells);
                }
                yield rows;
            }
            case PERSON -> NODES.objectNode().put("name", NAMES[n % NAMES.length]).put("relationship", "compañera de trabajo")
                    .put("notes", sentence(n));
            case DATE -> NODES.textNode(LocalDate.of(2027, 2, 1).plusDays(12L * row + n % 5).toString());
            case NUMBER -> NODES.numberNode(field.target() != null ? Math.round(field.target() * 0.9) : 10 + 15 * row + n % 7);
            case CHOICE -> field.multiple()
                    ? NODES.arrayNode().add(field.options().get(0).value()).add(field.options().get(field.options().size() - 1).value())
                    : NODES.textNode(field.options().get(n % field.options().size()).value());
        };
    }

    private static JsonNode team() {
        ArrayNode rows = NODES.arrayNode();
        String[] coaches = {"", NAMES[0], NAMES[0], NAMES[0], NAMES[1], NAMES[1], NAMES[2], NAMES[3]};
        for (int i = 0; i < NAMES.length; i++) {
            rows.add(NODES.objectNode()
                    .<ObjectNode>set("member", NODES.objectNode().put("name", NAMES[i]).put("relationship", "vecina"))
                    .put("role", sentence(i).substring(0, 20)).put("develops", NAMES[(i + 3) % NAMES.length])
                    .put("developed-by", coaches[i]));
        }
        return rows;
    }

    static String sentence(int n) {
        return SENTENCES[Math.floorMod(n, SENTENCES.length)];
    }

    /** About {@code words} words of sanitised long-text HTML, in paragraphs of about 60 words. */
    static String paragraphs(int words, int n) {
        StringBuilder html = new StringBuilder();
        int written = 0;
        while (written < words) {
            html.append("<p>");
            for (int inParagraph = 0; inParagraph < 60 && written < words; n++) {
                String sentence = sentence(n);
                html.append(n % 5 == 0 ? "<strong>" + sentence + "</strong>" : sentence).append(' ');
                int count = sentence.split(" ").length;
                written += count;
                inParagraph += count;
            }
            html.append("</p>");
        }
        return html.toString();
    }

    /** The same document with one exercise's answers replaced. */
    static WorkbookDocument withAnswers(WorkbookDocument document, String exerciseId, String json) {
        Map<String, Map<String, JsonNode>> answers = new HashMap<>(document.answers());
        try {
            Map<String, JsonNode> replaced = new LinkedHashMap<>();
            JSON.readTree(json).fields().forEachRemaining(entry -> replaced.put(entry.getKey(), entry.getValue()));
            answers.put(exerciseId, replaced);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return new WorkbookDocument(document.courseTitle(), document.authorName(), document.curriculum(), document.locale(),
                document.zone(), answers, document.submissions(), document.generatedAt());
    }
}
