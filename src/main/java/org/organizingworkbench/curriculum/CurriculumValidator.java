package org.organizingworkbench.curriculum;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a curriculum's files against the format of docs/curriculum-format.md and reports every problem, each
 * with its file and a JSON path ({@code $.exercises[2].fields[1].type}), so an author fixes them all in one go.
 * The checks are explicit (no JSON Schema library): the format is small and the messages must be plain.
 */
public final class CurriculumValidator {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FIELD_ID = Pattern.compile("[a-z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    /** The key of a text that lists its languages awaiting a new translation. */
    static final String OUT_OF_DATE = "outOfDate";
    private static final Pattern MODULE_FILE = Pattern.compile("[A-Za-z0-9._-]+\\.json");

    private static final Set<String> CURRICULUM_KEYS = Set.of("id", "version", "languages", "title", "credit", "modules");
    private static final Set<String> MODULE_KEYS = Set.of("number", "id", "title", "summary", "exercises");
    private static final Set<String> EXERCISE_KEYS = Set.of("id", "kind", "title", "prompt", "guidance", "example",
            "fields", "gradingHints", "graded", "points", "hidden", "due", "visual",
            CurriculumDraft.REMOVED_FIELDS);
    private static final Set<String> FIELD_KEYS = Set.of("id", "type", "label", "help", "required");
    private static final Set<String> ALL_SETTINGS = java.util.Arrays.stream(FieldType.values())
            .flatMap(type -> type.settings().stream()).collect(Collectors.toSet());

    private final List<CurriculumProblem> problems = new ArrayList<>();
    private final Map<String, String> exerciseIds = new HashMap<>();
    private List<String> languages = List.of();
    private String file = CurriculumFiles.MAIN_FILE;

    private CurriculumValidator() {
    }

    /** Every problem in the files; empty when the curriculum is valid. */
    public static List<CurriculumProblem> validate(CurriculumFiles files) {
        return check(files).problems();
    }

    static CheckedCurriculum check(CurriculumFiles files) {
        CurriculumValidator validator = new CurriculumValidator();
        Curriculum curriculum = validator.curriculum(files);
        List<CurriculumProblem> found = validator.problems;
        return new CheckedCurriculum(found.isEmpty() ? curriculum : null, found);
    }

    private Curriculum curriculum(CurriculumFiles files) {
        Map<String, Object> json = parse(files, CurriculumFiles.MAIN_FILE);
        if (json == null) {
            return null;
        }
        knownKeys(json, "$", CURRICULUM_KEYS);
        String id = identifier(json, "id", "$", KEBAB_CASE);
        Integer version = whole(json, "version", "$", true);
        if (version != null && version < 1) {
            problem("$.version", "must be 1 or more");
        }
        languages = languages(json);
        LocalizedText title = text(json, "title", "$", true);
        LocalizedText credit = text(json, "credit", "$", false);
        List<Module> modules = new ArrayList<>();
        List<Object> moduleFiles = list(json, "modules", "$", true);
        Set<String> listed = new HashSet<>();
        Integer previousNumber = null;
        for (int i = 0; i < moduleFiles.size(); i++) {
            String path = "$.modules[" + i + "]";
            file = CurriculumFiles.MAIN_FILE;
            if (!(moduleFiles.get(i) instanceof String name) || !MODULE_FILE.matcher(name).matches()) {
                problem(path, "must be a module file name ending in .json");
                continue;
            }
            if (!listed.add(name)) {
                problem(path, "module file " + name + " is listed twice");
                continue;
            }
            if (files.file(name).isEmpty()) {
                problem(path, "module file " + name + " is listed but missing");
                continue;
            }
            Module module = module(files, name);
            if (module != null) {
                if (previousNumber != null && module.number() <= previousNumber) {
                    problem("$.number", "module " + module.number() + " comes after module " + previousNumber
                            + " in curriculum.json: modules are listed in course order");
                }
                previousNumber = module.number();
                modules.add(module);
            }
        }
        return problems.isEmpty() ? new Curriculum(id, version, languages, title, credit, modules) : null;
    }

    private List<String> languages(Map<String, Object> json) {
        List<Object> declared = list(json, "languages", "$", true);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i) instanceof String code && LANGUAGE.matcher(code).matches()) {
                if (codes.contains(code)) {
                    problem("$.languages[" + i + "]", "language '" + code + "' is declared twice");
                } else {
                    codes.add(code);
                }
            } else {
                problem("$.languages[" + i + "]", "must be a language code such as \"en\" or \"es\"");
            }
        }
        return List.copyOf(codes);
    }

    private Module module(CurriculumFiles files, String name) {
        Map<String, Object> json = parse(files, name);
        if (json == null) {
            return null;
        }
        knownKeys(json, "$", MODULE_KEYS);
        Integer number = whole(json, "number", "$", true);
        if (number != null && number < 0) {
            problem("$.number", "must be 0 or more");
        }
        String id = identifier(json, "id", "$", KEBAB_CASE);
        LocalizedText title = text(json, "title", "$", true);
        LocalizedText summary = text(json, "summary", "$", true);
        List<Exercise> exercises = new ArrayList<>();
        List<Object> items = list(json, "exercises", "$", true);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = object(items.get(i), "$.exercises[" + i + "]");
            if (item != null) {
                exercises.add(exercise(item, "$.exercises[" + i + "]"));
            }
        }
        return number == null ? null : new Module(number, id, title, summary, exercises);
    }

    private Exercise exercise(Map<String, Object> json, String path) {
        knownKeys(json, path, EXERCISE_KEYS);
        String id = identifier(json, "id", path, KEBAB_CASE);
        if (id != null) {
            String place = file + " " + path;
            String earlier = exerciseIds.putIfAbsent(id, place);
            if (earlier != null) {
                problem(path + ".id", "duplicate exercise id '" + id + "' (first used at " + earlier + ")");
            }
        }
        ExerciseKind kind = null;
        String kindName = string(json, "kind", path, true);
        if (kindName != null) {
            kind = ExerciseKind.fromJson(kindName).orElse(null);
            if (kind == null) {
                problem(path + ".kind", "unknown kind '" + kindName + "'; expected one of "
                        + names(Arrays.stream(ExerciseKind.values()).map(ExerciseKind::jsonName).toList()));
            }
        }
        LocalizedText title = text(json, "title", path, true);
        LocalizedText prompt = text(json, "prompt", path, true);
        LocalizedText guidance = text(json, "guidance", path, true);
        LocalizedText example = text(json, "example", path, false);
        LocalizedText gradingHints = text(json, "gradingHints", path, false);
        boolean graded = bool(json, "graded", path);
        Double points = number(json, "points", path);
        if (points != null && points <= 0) {
            problem(path + ".points", "must be more than 0");
        } else if (points != null && !graded) {
            problem(path + ".points", "points are given but the exercise is not graded (\"graded\": true)");
        }
        boolean hidden = bool(json, "hidden", path);
        LocalDate due = date(json, "due", path);
        List<Field> fields = fields(list(json, "fields", path, true), path + ".fields", false);
        removedFields(json, path, fields);
        Visual visual = json.containsKey("visual") ? visual(json.get("visual"), path + ".visual", fields) : null;
        return new Exercise(id, kind, title, prompt, guidance, example, fields, gradingHints, graded, points, hidden, due,
                visual);
    }

    /** Field ids an instructor removed: answers may be stored under them, so no current field may take one. */
    private void removedFields(Map<String, Object> json, String path, List<Field> fields) {
        List<Object> removed = list(json, CurriculumDraft.REMOVED_FIELDS, path, false);
        for (int i = 0; i < removed.size(); i++) {
            Object id = removed.get(i);
            String at = path + "." + CurriculumDraft.REMOVED_FIELDS + "[" + i + "]";
            if (!(id instanceof String text) || !FIELD_ID.matcher(text).matches()) {
                problem(at, "must be a field id");
            } else if (fields.stream().anyMatch(field -> text.equals(field.id()))) {
                problem(at, "field id '" + text + "' was removed and cannot be used again");
            }
        }
    }

    private Visual visual(Object value, String path, List<Field> fields) {
        Map<String, Object> json = object(value, path);
        if (json == null) {
            return null;
        }
        String kindName = string(json, "kind", path, true);
        VisualKind kind = kindName == null ? null : VisualKind.fromJson(kindName).orElse(null);
        if (kindName != null && kind == null) {
            problem(path + ".kind", "unknown visual kind '" + kindName + "'; expected one of "
                    + names(Arrays.stream(VisualKind.values()).map(VisualKind::jsonName).toList()));
        }
        String tableId = string(json, "table", path, true);
        Field table = tableId == null ? null : fields.stream().filter(field -> tableId.equals(field.id())).findFirst().orElse(null);
        if (tableId != null && table == null) {
            problem(path + ".table", "no field '" + tableId + "' in this exercise");
        } else if (table != null && table.type() != FieldType.TABLE) {
            problem(path + ".table", "field '" + tableId + "' is a " + typeName(table) + ", not a table");
        }
        if (kind == null) {
            return null;
        }
        Set<String> known = new HashSet<>(Set.of("kind", "table"));
        kind.roles().forEach(role -> known.add(role.key()));
        knownKeys(json, path, known);
        Map<String, String> columns = new HashMap<>();
        for (VisualKind.Role role : kind.roles()) {
            String columnId = string(json, role.key(), path, role.required());
            if (columnId != null) {
                columns.put(role.key(), columnId);
                if (table != null && table.type() == FieldType.TABLE) {
                    columnFits(table, columnId, kind, role, path + "." + role.key());
                }
            }
        }
        return new Visual(kind, tableId, columns);
    }

    private void columnFits(Field table, String columnId, VisualKind kind, VisualKind.Role role, String path) {
        Field column = table.column(columnId).orElse(null);
        if (column == null) {
            problem(path, "table '" + table.id() + "' has no column '" + columnId + "'");
        } else if (column.type() != null && !role.types().contains(column.type())) {
            problem(path, "column '" + columnId + "' is a " + typeName(column) + "; a " + kind.jsonName() + "'s " + role.key()
                    + " column must be one of " + names(role.types().stream().map(FieldType::jsonName).sorted().toList()));
        }
    }

    private static String typeName(Field field) {
        return field.type() == null ? "field of unknown type" : field.type().jsonName();
    }

    private List<Field> fields(List<Object> items, String path, boolean columns) {
        List<Field> fields = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Object> item = object(items.get(i), at);
            if (item == null) {
                continue;
            }
            Field field = field(item, at, columns);
            if (field.id() != null && !ids.add(field.id())) {
                problem(at + ".id", "duplicate " + (columns ? "column" : "field") + " id '" + field.id() + "'");
            }
            fields.add(field);
        }
        return fields;
    }

    private Field field(Map<String, Object> json, String path, boolean column) {
        String id = identifier(json, "id", path, FIELD_ID);
        FieldType type = null;
        String typeName = string(json, "type", path, true);
        if (typeName != null) {
            type = FieldType.fromJson(typeName).orElse(null);
            if (type == null) {
                problem(path + ".type", "unknown field type '" + typeName + "'; expected one of "
                        + names(Arrays.stream(FieldType.values()).map(FieldType::jsonName).toList()));
            } else if (column && !type.fitsInTable()) {
                problem(path + ".type", "a table column cannot be a " + typeName);
            }
        }
        settingsFit(json, path, type);
        LocalizedText label = text(json, "label", path, true);
        LocalizedText help = text(json, "help", path, false);
        boolean required = bool(json, "required", path);
        Integer wordLimit = whole(json, "wordLimit", path, false);
        if (wordLimit != null && wordLimit < 1) {
            problem(path + ".wordLimit", "must be a positive whole number");
        }
        Integer minItems = whole(json, "minItems", path, false);
        Integer maxItems = whole(json, "maxItems", path, false);
        if (minItems != null && minItems < 0) {
            problem(path + ".minItems", "must be 0 or more");
        }
        if (maxItems != null && maxItems < 1) {
            problem(path + ".maxItems", "must be 1 or more");
        }
        if (minItems != null && maxItems != null && minItems > maxItems) {
            problem(path + ".minItems", "is more than maxItems (" + maxItems + ")");
        }
        List<Field> columns = type == FieldType.TABLE ? columns(json, path) : List.of();
        List<ChoiceOption> options = type == FieldType.CHOICE ? options(json, path) : List.of();
        boolean multiple = bool(json, "multiple", path);
        Double target = number(json, "target", path);
        LocalizedText unit = text(json, "unit", path, false);
        return new Field(id, type, label, help, required, wordLimit, minItems, maxItems, columns, options, multiple,
                target, unit);
    }

    private void settingsFit(Map<String, Object> json, String path, FieldType type) {
        for (String key : json.keySet()) {
            if (FIELD_KEYS.contains(key) || type == null && ALL_SETTINGS.contains(key)) {
                continue;
            }
            if (type != null && ALL_SETTINGS.contains(key) && !type.settings().contains(key)) {
                problem(path + "." + key, "'" + key + "' does not apply to a " + type.jsonName() + " field");
            } else if (!ALL_SETTINGS.contains(key)) {
                problem(path + "." + key, "unknown key '" + key + "'");
            }
        }
    }

    private List<Field> columns(Map<String, Object> json, String path) {
        if (!json.containsKey("columns")) {
            problem(path, "a table needs columns");
            return List.of();
        }
        List<Object> items = list(json, "columns", path, true);
        return fields(items, path + ".columns", true);
    }

    private List<ChoiceOption> options(Map<String, Object> json, String path) {
        if (!json.containsKey("options")) {
            problem(path, "a choice needs options");
            return List.of();
        }
        List<ChoiceOption> options = new ArrayList<>();
        Set<String> values = new HashSet<>();
        List<Object> items = list(json, "options", path, true);
        for (int i = 0; i < items.size(); i++) {
            String at = path + ".options[" + i + "]";
            Map<String, Object> item = object(items.get(i), at);
            if (item == null) {
                continue;
            }
            knownKeys(item, at, Set.of("value", "label"));
            String value = identifier(item, "value", at, FIELD_ID);
            if (value != null && !values.add(value)) {
                problem(at + ".value", "duplicate option value '" + value + "'");
            }
            options.add(new ChoiceOption(value, text(item, "label", at, true)));
        }
        return options;
    }

    // Readers: each returns the value, or null (empty) after recording the problem.

    private Map<String, Object> parse(CurriculumFiles files, String name) {
        file = name;
        String text = files.file(name).orElse(null);
        if (text == null) {
            problem("$", "file is missing");
            return null;
        }
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            problem("$", "not a valid JSON object: " + e.getMessage());
            return null;
        }
    }

    private void knownKeys(Map<String, Object> json, String path, Set<String> known) {
        json.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> problem(path + "." + key, "unknown key '" + key + "'"));
    }

    private LocalizedText text(Map<String, Object> json, String key, String path, boolean required) {
        Object value = json.get(key);
        String at = path + "." + key;
        if (value == null) {
            if (required) {
                problem(at, "is required");
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(at, "must be an object of texts by language, e.g. {\"en\": \"…\", \"es\": \"…\"}");
            return null;
        }
        Map<String, String> texts = new HashMap<>();
        map.forEach((language, text) -> {
            if (OUT_OF_DATE.equals(language)) {
                return;
            }
            if (!languages.isEmpty() && !languages.contains(String.valueOf(language))) {
                problem(at + "." + language, "language '" + language + "' is not declared in curriculum.json");
            } else if (!(text instanceof String s) || s.isBlank()) {
                problem(at + "." + language, "must be a non-empty text");
            } else {
                texts.put(String.valueOf(language), s);
            }
        });
        for (String language : languages) {
            if (required && !map.containsKey(language)) {
                problem(at, "missing text for language '" + language + "'");
            }
        }
        if (map.keySet().stream().allMatch(OUT_OF_DATE::equals)) {
            problem(at, "has no text");
        }
        outOfDate(map, at);
        return new LocalizedText(texts);
    }

    /** {@code "outOfDate": ["es"]}: languages whose text was not rewritten when another language's was. */
    private void outOfDate(Map<?, ?> text, String at) {
        Object marked = text.get(OUT_OF_DATE);
        if (marked == null) {
            return;
        }
        if (!(marked instanceof List<?> codes)) {
            problem(at + "." + OUT_OF_DATE, "must be a list of language codes, e.g. [\"es\"]");
            return;
        }
        for (Object code : codes) {
            if (!(code instanceof String language) || !text.containsKey(language)) {
                problem(at + "." + OUT_OF_DATE, "'" + code + "' is not a language this text is written in");
            }
        }
    }

    private String string(Map<String, Object> json, String key, String path, boolean required) {
        Object value = json.get(key);
        if (value == null) {
            if (required) {
                problem(path + "." + key, "is required");
            }
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            problem(path + "." + key, "must be a non-empty string");
            return null;
        }
        return text;
    }

    private String identifier(Map<String, Object> json, String key, String path, Pattern form) {
        String value = string(json, key, path, true);
        if (value != null && !form.matcher(value).matches()) {
            problem(path + "." + key, "'" + value + "' is not a valid id ("
                    + (form == KEBAB_CASE ? "lower-case words joined by hyphens, e.g. story-of-self" : "e.g. firstName or first-name") + ")");
            return null;
        }
        return value;
    }

    private Integer whole(Map<String, Object> json, String key, String path, boolean required) {
        Object value = json.get(key);
        if (value == null) {
            if (required) {
                problem(path + "." + key, "is required");
            }
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            problem(path + "." + key, "must be a whole number");
            return null;
        }
        return number.intValue();
    }

    private Double number(Map<String, Object> json, String key, String path) {
        Object value = json.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            problem(path + "." + key, "must be a number");
            return null;
        }
        return number.doubleValue();
    }

    private boolean bool(Map<String, Object> json, String key, String path) {
        Object value = json.get(key);
        if (value != null && !(value instanceof Boolean)) {
            problem(path + "." + key, "must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    private LocalDate date(Map<String, Object> json, String key, String path) {
        String text = string(json, key, path, false);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(path + "." + key, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    private List<Object> list(Map<String, Object> json, String key, String path, boolean nonEmpty) {
        Object value = json.get(key);
        if (value == null) {
            if (nonEmpty) {
                problem(path + "." + key, "is required");
            }
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            problem(path + "." + key, "must be a list");
            return List.of();
        }
        if (items.isEmpty() && nonEmpty) {
            problem(path + "." + key, "must not be empty");
        }
        return new ArrayList<>(items);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problem(path, "must be an object");
        return null;
    }

    private void problem(String path, String message) {
        problems.add(new CurriculumProblem(file, path, message));
    }

    private static String names(List<String> names) {
        return String.join(", ", names);
    }
}
