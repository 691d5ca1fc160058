package org.organizingworkbench.curriculum;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CurriculumValidatorTest {

    static Stream<Arguments> brokenCurricula() {
        return Stream.of(
                arguments("missing-module-file", "curriculum.json", "$.modules[1]",
                        "module file module-01-next.json is listed but missing"),
                arguments("missing-curriculum-json", "curriculum.json", "$", "file is missing"),
                arguments("unknown-field-type", "module-00-start.json", "$.exercises[0].fields[1].type",
                        "unknown field type 'paragraph'; expected one of shortText, longText, list, table, person,"
                                + " date, number, choice"),
                arguments("missing-language", "module-00-start.json", "$.exercises[0].prompt",
                        "missing text for language 'es'"),
                arguments("duplicate-exercise-id", "module-01-next.json", "$.exercises[0].id",
                        "duplicate exercise id 'my-goals' (first used at module-00-start.json $.exercises[0])"),
                arguments("word-limit-not-positive", "module-00-start.json", "$.exercises[0].fields[0].wordLimit",
                        "must be a positive whole number"),
                arguments("table-without-columns", "module-00-start.json", "$.exercises[0].fields[0]",
                        "a table needs columns"),
                arguments("modules-out-of-order", "module-01-a.json", "$.number",
                        "module 1 comes after module 2 in curriculum.json: modules are listed in course order"),
                arguments("visual-unknown-kind", "module-00-start.json", "$.exercises[0].visual.kind",
                        "unknown visual kind 'pie'; expected one of snowflake, timeline, targets"),
                arguments("visual-not-a-table", "module-00-start.json", "$.exercises[0].visual.table",
                        "field 'ideas' is a list, not a table"),
                arguments("visual-missing-column", "module-00-start.json", "$.exercises[0].visual.size",
                        "table 'peaks' has no column 'turnout'"),
                arguments("visual-column-wrong-type", "module-00-start.json", "$.exercises[0].visual.date",
                        "column 'tactic' is a shortText; a timeline's date column must be one of date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCurricula")
    void rejectsWithFilePlaceAndReason(String folder, String file, String path, String message) {
        InvalidCurriculumException rejected = assertThrows(InvalidCurriculumException.class,
                () -> CurriculumLoader.fromClasspath("curricula/" + folder));
        assertEquals(List.of(new CurriculumProblem(file, path, message)), rejected.problems());
        assertTrue(rejected.getMessage().contains(file + ": " + path + ": " + message), rejected.getMessage());
    }

    @Test
    void reportsAFileThatIsNotJson() {
        List<CurriculumProblem> problems = CurriculumValidator.validate(CurriculumLoader.classpathFiles("curricula/invalid-json"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("module-00-start.json", problems.get(0).file());
        assertEquals("$", problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith("not a valid JSON object"), problems.get(0).message());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String file = "module-00-start.json";
        List<CurriculumProblem> problems = CurriculumValidator.validate(CurriculumLoader.classpathFiles("curricula/several-problems"));
        assertEquals(List.of(
                new CurriculumProblem(file, "$.exercises[0].promt", "unknown key 'promt'"),
                new CurriculumProblem(file, "$.exercises[0].kind",
                        "unknown kind 'essay'; expected one of exercise, reflection, skillPractice, wrapUp"),
                new CurriculumProblem(file, "$.exercises[0].points",
                        "points are given but the exercise is not graded (\"graded\": true)"),
                new CurriculumProblem(file, "$.exercises[0].fields[0].wordLimit", "'wordLimit' does not apply to a date field"),
                new CurriculumProblem(file, "$.exercises[0].fields[1].columns[0].type", "a table column cannot be a list")),
                problems);
    }

    @Test
    void checksLanguagesIdsOptionsAndCounts() {
        String main = CurriculumLoader.classpathFiles("curricula/minimal").file("curriculum.json").orElseThrow();
        String module = """
                {"number": 0, "id": "Start", "title": {"en": "Start", "es": "Inicio", "fr": "Début"},
                 "summary": {"en": "Go.", "es": " "},
                 "exercises": [{"id": "my-goals", "kind": "exercise", "title": {"en": "T", "es": "T"},
                   "prompt": {"en": "P", "es": "P"}, "guidance": {"en": "G", "es": "G"}, "due": "next week",
                   "fields": [{"id": "pick", "type": "choice", "label": {"en": "L", "es": "L"}},
                              {"id": "names", "type": "list", "label": {"en": "L", "es": "L"}, "minItems": 3, "maxItems": 2}]}]}
                """;
        String file = "module-00-start.json";
        assertEquals(List.of(
                new CurriculumProblem(file, "$.id", "'Start' is not a valid id (lower-case words joined by hyphens, e.g. story-of-self)"),
                new CurriculumProblem(file, "$.title.fr", "language 'fr' is not declared in curriculum.json"),
                new CurriculumProblem(file, "$.summary.es", "must be a non-empty text"),
                new CurriculumProblem(file, "$.exercises[0].due", "must be a date as YYYY-MM-DD"),
                new CurriculumProblem(file, "$.exercises[0].fields[0]", "a choice needs options"),
                new CurriculumProblem(file, "$.exercises[0].fields[1].minItems", "is more than maxItems (2)")),
                CurriculumValidator.validate(new CurriculumFiles(Map.of("curriculum.json", main, file, module))));
    }

    @Test
    void aVisualNamesItsKindsColumnsAndNoOthers() {
        String main = CurriculumLoader.classpathFiles("curricula/minimal").file("curriculum.json").orElseThrow();
        String module = """
                {"number": 0, "id": "start", "title": {"en": "S", "es": "S"}, "summary": {"en": "S", "es": "S"},
                 "exercises": [{"id": "team", "kind": "exercise", "title": {"en": "T", "es": "T"},
                   "prompt": {"en": "P", "es": "P"}, "guidance": {"en": "G", "es": "G"},
                   "visual": {"kind": "snowflake", "table": "members", "name": "member", "size": "people"},
                   "fields": [{"id": "members", "type": "table", "label": {"en": "L", "es": "L"}, "columns": [
                     {"id": "member", "type": "person", "label": {"en": "M", "es": "M"}},
                     {"id": "coach", "type": "shortText", "label": {"en": "C", "es": "C"}}]}]}]}
                """;
        String file = "module-00-start.json";
        assertEquals(List.of(
                new CurriculumProblem(file, "$.exercises[0].visual.size", "unknown key 'size'"),
                new CurriculumProblem(file, "$.exercises[0].visual.link", "is required")),
                CurriculumValidator.validate(new CurriculumFiles(Map.of("curriculum.json", main, file, module))));
    }

    @Test
    void minimalCurriculumLoads() {
        Curriculum curriculum = CurriculumLoader.fromClasspath("curricula/minimal");
        assertEquals("tiny-course", curriculum.id());
        assertEquals(2, curriculum.exercise("my-goals").orElseThrow().fields().get(0).minItems());
    }
}
