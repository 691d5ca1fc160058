package org.organizingworkbench.curriculum;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.Normalizer;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored curriculum opened for an instructor's edits. The files are edited as JSON trees, touching only the keys
 * an edit is about, so keys this class does not know (added by a newer format) stay as they were. Exercise ids never
 * change: students' work is stored against them. The result is checked by {@link CurriculumValidator} when saved.
 */
public final class CurriculumDraft {

    private static final Set<String> OPTIONAL_TEXTS = Set.of("example", "gradingHints", "help", "unit");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
    private static final int ID_LENGTH = 60;
    private static final String OUT_OF_DATE = CurriculumValidator.OUT_OF_DATE;
    /** Ids of fields an instructor removed, never given to a new field: students' answers may be stored under them. */
    static final String REMOVED_FIELDS = "removedFields";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

    private final Map<String, Map<String, Object>> files = new LinkedHashMap<>();
    private List<String> languages;

    private CurriculumDraft(CurriculumFiles source) {
        Map<String, Object> main = parse(source, CurriculumFiles.MAIN_FILE);
        files.put(CurriculumFiles.MAIN_FILE, main);
        for (Object name : list(main, "modules")) {
            files.put((String) name, parse(source, (String) name));
        }
        languages = list(main, "languages").stream().map(String.class::cast).toList();
    }

    /** @param source a stored, valid curriculum */
    public static CurriculumDraft of(CurriculumFiles source) {
        return new CurriculumDraft(source);
    }

    public CurriculumFiles files() {
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach((name, tree) -> texts.put(name, JSONObjectUtils.toJSONString(tree)));
        return new CurriculumFiles(texts);
    }

    public List<String> languages() {
        return languages;
    }

    /** Where the exercise is: its module file and JSON path, as validation problems name them. */
    public ExercisePlace place(String exerciseId) {
        for (Map.Entry<String, Map<String, Object>> file : moduleFiles().entrySet()) {
            List<Object> exercises = list(file.getValue(), "exercises");
            for (int i = 0; i < exercises.size(); i++) {
                if (exerciseId.equals(object(exercises.get(i)).get("id"))) {
                    return new ExercisePlace(file.getKey(), "$.exercises[" + i + "]");
                }
            }
        }
        throw new UnknownExerciseException(exerciseId);
    }

    public boolean has(String exerciseId) {
        return allExerciseIds().contains(exerciseId);
    }

    /** Every text of the exercise an instructor may reword or translate, including optional ones not written yet. */
    public List<ExerciseText> texts(String exerciseId) {
        Map<String, Object> exercise = exercise(exerciseId);
        List<ExerciseText> texts = new ArrayList<>();
        for (String key : List.of("title", "prompt", "guidance", "example", "gradingHints")) {
            texts.add(text(exercise, key, key, null));
        }
        List<Object> fields = list(exercise, "fields");
        for (int i = 0; i < fields.size(); i++) {
            fieldTexts(object(fields.get(i)), "fields[" + i + "]", texts);
        }
        return texts;
    }

    private void fieldTexts(Map<String, Object> field, String slot, List<ExerciseText> texts) {
        texts.add(text(field, "label", slot + ".label", field));
        texts.add(text(field, "help", slot + ".help", field));
        if ("number".equals(field.get("type"))) {
            texts.add(text(field, "unit", slot + ".unit", field));
        }
        List<Object> options = list(field, "options");
        for (int i = 0; i < options.size(); i++) {
            texts.add(text(object(options.get(i)), "label", slot + ".options[" + i + "].label", field));
        }
        List<Object> columns = list(field, "columns");
        for (int i = 0; i < columns.size(); i++) {
            fieldTexts(object(columns.get(i)), slot + ".columns[" + i + "]", texts);
        }
    }

    private ExerciseText text(Map<String, Object> owner, String key, String slot, Map<String, Object> field) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> current = owner.get(key) instanceof Map<?, ?> map ? stringKeyed(map) : Map.of();
        languages.forEach(language -> values.put(language, current.get(language) instanceof String s ? s : ""));
        Set<String> outOfDate = new LinkedHashSet<>(outOfDate(current));
        outOfDate.retainAll(languages);
        String fieldId = field == null ? null : String.valueOf(field.get("id"));
        Map<String, String> fieldLabel = new LinkedHashMap<>();
        if (field != null && field.get("label") instanceof Map<?, ?> label) {
            label.forEach((language, text) -> fieldLabel.put(String.valueOf(language), String.valueOf(text)));
        }
        return new ExerciseText(slot, key, !OPTIONAL_TEXTS.contains(key), values, fieldId, fieldLabel, outOfDate);
    }

    /**
     * Sets one text of the exercise in the given languages. An optional text needs no translation: a language left
     * empty is removed, and the whole text when it is empty in every language. A required text left empty stays empty
     * so that validation names that language. A text rewritten in some languages and not in others marks the others
     * out of date (until they are rewritten or confirmed); a language rewritten is up to date, and writing only
     * languages that were out of date or had no text yet (translating) marks nothing.
     */
    public void reword(String exerciseId, String slot, Map<String, String> byLanguage) {
        Map<String, Object> owner = owner(exercise(exerciseId), slot);
        String key = lastKey(slot);
        boolean optional = OPTIONAL_TEXTS.contains(key);
        Map<String, String> given = new LinkedHashMap<>();
        byLanguage.forEach((language, text) -> given.put(language, text == null ? "" : text.replace("\r\n", "\n")));
        if (optional && given.values().stream().allMatch(String::isBlank) && !(owner.get(key) instanceof Map<?, ?> kept
                && kept.keySet().stream().anyMatch(language -> !given.containsKey(language) && !OUT_OF_DATE.equals(language)))) {
            owner.remove(key);
            return;
        }
        if (!(owner.get(key) instanceof Map<?, ?>)) {
            owner.put(key, new LinkedHashMap<String, Object>());
        }
        Map<String, Object> texts = stringKeyed((Map<?, ?>) owner.get(key));
        Set<String> rewritten = new LinkedHashSet<>();
        Set<String> translations = new LinkedHashSet<>(outOfDate(texts)); // written now to follow the others
        given.forEach((language, text) -> {
            if (optional && text.isBlank()) {
                texts.remove(language);
            } else if (!text.equals(texts.get(language))) {
                if (!(texts.get(language) instanceof String old) || old.isBlank()) {
                    translations.add(language);
                }
                texts.put(language, text);
                rewritten.add(language);
            }
        });
        Set<String> outOfDate = new LinkedHashSet<>(outOfDate(texts));
        if (outOfDate.removeIf(language -> !texts.containsKey(language))) {
            markOutOfDate(texts, outOfDate); // an optional text emptied in a language has nothing there to update
        }
        if (!rewritten.isEmpty()) {
            boolean catchingUp = translations.containsAll(rewritten); // translating changes no meaning
            if (!catchingUp) {
                texts.keySet().stream().filter(language -> !OUT_OF_DATE.equals(language) && !rewritten.contains(language))
                        .forEach(outOfDate::add);
            }
            outOfDate.removeAll(rewritten);
            markOutOfDate(texts, outOfDate);
        }
    }

    /** The instructor says the text in {@code language} still says what the others say. */
    public void confirmTranslation(String exerciseId, String slot, String language) {
        if (owner(exercise(exerciseId), slot).get(lastKey(slot)) instanceof Map<?, ?> map) {
            Map<String, Object> texts = stringKeyed(map);
            Set<String> outOfDate = new LinkedHashSet<>(outOfDate(texts));
            if (outOfDate.remove(language)) {
                markOutOfDate(texts, outOfDate);
            }
        }
    }

    /** How many texts of the exercise, counted per language, wait for a new translation. */
    public int outOfDateCount(String exerciseId) {
        return texts(exerciseId).stream().mapToInt(text -> text.outOfDate().size()).sum();
    }

    /**
     * The course's languages, the first its main one (readers whose language has no text read it in the main one).
     * A language dropped loses its texts (earlier versions keep them); a language added gets each required text
     * copied from the main language and marked out of date, so the course stays readable while it is translated.
     */
    public void chooseLanguages(List<String> chosen) {
        if (chosen.isEmpty() || chosen.equals(languages)) {
            return;
        }
        String main = chosen.get(0);
        List<String> added = chosen.stream().filter(language -> !languages.contains(language)).toList();
        List<String> dropped = languages.stream().filter(language -> !chosen.contains(language)).toList();
        files.values().forEach(tree -> eachText(tree, null, (key, texts) -> {
            dropped.forEach(texts::remove);
            Set<String> outOfDate = new LinkedHashSet<>(outOfDate(texts));
            outOfDate.removeAll(dropped);
            Object source = texts.get(main) != null ? texts.get(main)
                    : texts.values().stream().filter(String.class::isInstance).findFirst().orElse(null);
            if (source != null && !OPTIONAL_TEXTS.contains(key)) {
                for (String language : added) {
                    if (texts.putIfAbsent(language, source) == null) {
                        outOfDate.add(language);
                    }
                }
            }
            markOutOfDate(texts, outOfDate);
        }));
        files.get(CurriculumFiles.MAIN_FILE).put("languages", new ArrayList<Object>(chosen));
        languages = List.copyOf(chosen);
    }

    /**
     * Adds a field at the end of the exercise. Its id comes from the label in the main language and is new in the
     * exercise; students' answers are stored by field id, so an id is never reused for another question.
     *
     * @return the new field's id
     */
    public String addField(String exerciseId, String type, Map<String, String> label) {
        Map<String, Object> exercise = exercise(exerciseId);
        List<Object> fields = list(exercise, "fields");
        Set<String> taken = new HashSet<>();
        fields.forEach(field -> taken.add(String.valueOf(object(field).get("id"))));
        taken.addAll(removedFieldIds(exercise));
        String id = unique(slug(label.getOrDefault(languages.get(0), ""), "field"), taken);
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("id", id);
        field.put("type", type);
        field.put("label", new LinkedHashMap<String, Object>());
        fields.add(field);
        exercise.put("fields", fields);
        reword(exerciseId, "fields[" + (fields.size() - 1) + "].label", label);
        return id;
    }

    /**
     * Removes a field from the exercise. What students wrote in it stays stored (and comes back with an earlier
     * version); its id is remembered so that a later field never takes it.
     */
    public void removeField(String exerciseId, String fieldId) {
        Map<String, Object> exercise = exercise(exerciseId);
        List<Object> fields = list(exercise, "fields");
        if (fields.removeIf(field -> fieldId.equals(object(field).get("id")))) {
            Set<String> removed = new LinkedHashSet<>(removedFieldIds(exercise));
            removed.add(fieldId);
            exercise.put(REMOVED_FIELDS, new ArrayList<Object>(removed));
        }
    }

    public List<String> fieldIds(String exerciseId) {
        return list(exercise(exerciseId), "fields").stream().map(field -> String.valueOf(object(field).get("id"))).toList();
    }

    /**
     * Writes a new exercise at the end of a module, with one long-text answer field.
     *
     * @return the new exercise's id
     */
    public String addExercise(String moduleId, String kind, Map<String, Map<String, String>> texts) {
        Map<String, Object> module = moduleFiles().values().stream().filter(m -> moduleId.equals(m.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No module " + moduleId));
        String id = uniqueId(texts.getOrDefault("title", Map.of()).getOrDefault(languages.get(0), ""));
        Map<String, Object> exercise = new LinkedHashMap<>();
        exercise.put("id", id);
        exercise.put("kind", kind);
        for (String key : List.of("title", "prompt", "guidance")) {
            exercise.put(key, new LinkedHashMap<String, Object>());
        }
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("id", "response");
        field.put("type", "longText");
        field.put("label", new LinkedHashMap<String, Object>());
        exercise.put("fields", new ArrayList<Object>(List.of(field)));
        List<Object> exercises = list(module, "exercises");
        exercises.add(exercise);
        module.put("exercises", exercises);
        for (String key : List.of("title", "prompt", "guidance")) {
            reword(id, key, texts.getOrDefault(key, Map.of()));
        }
        reword(id, "fields[0].label", texts.getOrDefault("label", Map.of()));
        return id;
    }

    /** The modules as ids and titles by language, in course order, for choosing where a new exercise goes. */
    public Map<String, Map<String, String>> moduleTitles() {
        Map<String, Map<String, String>> titles = new LinkedHashMap<>();
        moduleFiles().values().forEach(module -> {
            Map<String, String> title = new LinkedHashMap<>();
            if (module.get("title") instanceof Map<?, ?> map) {
                map.forEach((language, text) -> title.put(String.valueOf(language), String.valueOf(text)));
            }
            titles.put(String.valueOf(module.get("id")), title);
        });
        return titles;
    }

    public void reword(String exerciseId, String slot, String language, String text) {
        reword(exerciseId, slot, Map.of(language, text));
    }

    /** Hides the exercise from students, or shows it again. */
    public void hide(String exerciseId, boolean hidden) {
        flag(exercise(exerciseId), "hidden", hidden);
    }

    /** @param due {@code YYYY-MM-DD}, or blank to clear the due date */
    public void due(String exerciseId, String due) {
        Map<String, Object> exercise = exercise(exerciseId);
        if (due == null || due.isBlank()) {
            exercise.remove("due");
        } else if (!due.strip().equals(exercise.get("due"))) {
            exercise.put("due", due.strip());
        }
    }

    /**
     * Graded or not, and the default points of a graded exercise. Points that are not a number are kept as typed,
     * so validation refuses them by name; an ungraded exercise has no points.
     */
    public void grading(String exerciseId, boolean graded, String points) {
        Map<String, Object> exercise = exercise(exerciseId);
        flag(exercise, "graded", graded);
        if (!graded || points == null || points.isBlank()) {
            exercise.remove("points");
            return;
        }
        Object value = number(points.strip());
        boolean same = exercise.get("points") instanceof Number current && value instanceof Number given
                && current.doubleValue() == given.doubleValue();
        if (!same) {
            exercise.put("points", value);
        }
    }

    /** Moves the exercise up (negative) or down (positive) within its module; at either end it stays. */
    public void move(String exerciseId, int steps) {
        List<Object> exercises = exercisesOf(exerciseId);
        int from = indexOf(exercises, exerciseId);
        int to = Math.max(0, Math.min(exercises.size() - 1, from + steps));
        exercises.add(to, exercises.remove(from));
    }

    /**
     * Adds a copy of the exercise right after it, under a new title. Its id comes from the title in the first
     * language, kebab-case and unique in the curriculum.
     *
     * @return the new exercise's id
     */
    public String addCopy(String exerciseId, Map<String, String> title) {
        List<Object> exercises = exercisesOf(exerciseId);
        int at = indexOf(exercises, exerciseId);
        Map<String, Object> copy = stringKeyed((Map<?, ?>) deepCopy(exercises.get(at)));
        String id = uniqueId(title.getOrDefault(languages.get(0), ""));
        copy.put("id", id);
        exercises.add(at + 1, copy);
        reword(id, "title", title);
        return id;
    }

    /** Graded, points, hidden and due date as the form shows them. */
    public ExerciseSettings settings(String exerciseId) {
        Map<String, Object> exercise = exercise(exerciseId);
        Object points = exercise.get("points");
        String shownPoints = points == null ? "" : points instanceof Double d && d == Math.rint(d)
                ? String.valueOf(d.longValue()) : String.valueOf(points);
        return new ExerciseSettings(Boolean.TRUE.equals(exercise.get("graded")), shownPoints,
                Boolean.TRUE.equals(exercise.get("hidden")), Objects.toString(exercise.get("due"), ""));
    }

    String uniqueId(String title) {
        return unique(slug(title, "exercise"), allExerciseIds());
    }

    private static String slug(String title, String otherwise) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (base.length() > ID_LENGTH) {
            base = base.substring(0, ID_LENGTH).replaceAll("-+$", "");
        }
        return base.isEmpty() || !Character.isLetter(base.charAt(0)) ? otherwise + (base.isEmpty() ? "" : "-" + base) : base;
    }

    private static String unique(String base, Set<String> taken) {
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static List<String> removedFieldIds(Map<String, Object> exercise) {
        return list(exercise, REMOVED_FIELDS).stream().map(String::valueOf).toList();
    }

    private static List<String> outOfDate(Map<String, Object> texts) {
        return list(texts, OUT_OF_DATE).stream().map(String::valueOf).toList();
    }

    private static void markOutOfDate(Map<String, Object> texts, Set<String> languages) {
        if (languages.isEmpty()) {
            texts.remove(OUT_OF_DATE);
        } else {
            texts.put(OUT_OF_DATE, new ArrayList<Object>(languages));
        }
    }

    /** Calls {@code visit} with every text object in the tree (an object whose keys are language codes) and its key. */
    private static void eachText(Object node, String key, java.util.function.BiConsumer<String, Map<String, Object>> visit) {
        if (node instanceof Map<?, ?> map) {
            if (key != null && isText(map)) {
                visit.accept(key, stringKeyed(map));
                return;
            }
            new ArrayList<>(map.keySet()).forEach(child -> eachText(map.get(child), String.valueOf(child), visit));
        } else if (node instanceof List<?> items) {
            items.forEach(item -> eachText(item, key, visit));
        }
    }

    private static boolean isText(Map<?, ?> map) {
        return !map.isEmpty() && map.entrySet().stream().allMatch(entry -> OUT_OF_DATE.equals(entry.getKey())
                || LANGUAGE.matcher(String.valueOf(entry.getKey())).matches() && entry.getValue() instanceof String);
    }

    private Set<String> allExerciseIds() {
        Set<String> ids = new HashSet<>();
        moduleFiles().values().forEach(module -> list(module, "exercises")
                .forEach(exercise -> ids.add(String.valueOf(object(exercise).get("id")))));
        return ids;
    }

    private Map<String, Object> exercise(String exerciseId) {
        List<Object> exercises = exercisesOf(exerciseId);
        return object(exercises.get(indexOf(exercises, exerciseId)));
    }

    private List<Object> exercisesOf(String exerciseId) {
        return list(files.get(place(exerciseId).file()), "exercises");
    }

    private Map<String, Map<String, Object>> moduleFiles() {
        Map<String, Map<String, Object>> modules = new LinkedHashMap<>(files);
        modules.remove(CurriculumFiles.MAIN_FILE);
        return modules;
    }

    /** The object holding the slot's text: the exercise for "prompt", a field for "fields[1].label" and so on. */
    private static Map<String, Object> owner(Map<String, Object> exercise, String slot) {
        String[] segments = slot.split("\\.");
        Map<String, Object> owner = exercise;
        for (int i = 0; i < segments.length - 1; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches() || m.group(2) == null) {
                throw new IllegalArgumentException("Not a text of an exercise: " + slot);
            }
            List<Object> items = list(owner, m.group(1));
            int index = Integer.parseInt(m.group(2));
            if (index >= items.size()) {
                throw new IllegalArgumentException("Not a text of an exercise: " + slot);
            }
            owner = object(items.get(index));
        }
        return owner;
    }

    private static String lastKey(String slot) {
        return slot.substring(slot.lastIndexOf('.') + 1);
    }

    private static void flag(Map<String, Object> exercise, String key, boolean value) {
        if (Boolean.TRUE.equals(exercise.get(key)) == value) {
            return;
        }
        if (value) {
            exercise.put(key, true);
        } else {
            exercise.remove(key);
        }
    }

    private static Object number(String text) {
        try {
            double value = Double.parseDouble(text.replace(',', '.'));
            return value == Math.rint(value) && Math.abs(value) < Long.MAX_VALUE ? (Object) (long) value : value;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static int indexOf(List<Object> exercises, String exerciseId) {
        for (int i = 0; i < exercises.size(); i++) {
            if (exerciseId.equals(object(exercises.get(i)).get("id"))) {
                return i;
            }
        }
        throw new UnknownExerciseException(exerciseId);
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
            return copy;
        }
        if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>();
            items.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    private static Map<String, Object> parse(CurriculumFiles source, String name) {
        try {
            return JSONObjectUtils.parse(source.file(name).orElseThrow(
                    () -> new IllegalArgumentException("A stored curriculum lacks " + name)));
        } catch (ParseException e) {
            throw new IllegalArgumentException("A stored curriculum file is not JSON: " + name, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> json, String key) {
        return json.get(key) instanceof List<?> items ? (List<Object>) items : new ArrayList<>();
    }

    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? stringKeyed(map) : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
