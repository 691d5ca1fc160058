package org.organizingworkbench.curriculum;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one curriculum, by name ({@code curriculum.json} and the module files it lists), as text. The same
 * set travels as one JSON document ({@link #toJson()}: file name → file content) when a version is stored.
 */
public record CurriculumFiles(Map<String, String> files) {
    public static final String MAIN_FILE = "curriculum.json";

    public CurriculumFiles {
        files = Map.copyOf(files);
    }

    public Optional<String> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** One JSON object holding every file, in a stable order so equal content gives an equal hash. */
    public String toJson() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        files.keySet().stream().sorted().forEach(name -> bundle.put(name, parsedOrText(files.get(name))));
        return JSONObjectUtils.toJSONString(bundle);
    }

    public static CurriculumFiles fromJson(String bundle) {
        try {
            Map<String, String> files = new LinkedHashMap<>();
            JSONObjectUtils.parse(bundle).forEach((name, content) -> files.put(name, content instanceof Map<?, ?> map
                    ? JSONObjectUtils.toJSONString(stringKeyed(map)) : String.valueOf(content)));
            return new CurriculumFiles(files);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Stored curriculum is not a JSON object: " + e.getMessage(), e);
        }
    }

    // A file that is not JSON is kept as text, so an invalid bundle still round-trips and is reported by file.
    private static Object parsedOrText(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
