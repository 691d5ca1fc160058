package org.organizingworkbench.curriculum;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads a curriculum (curriculum.json and the module files it lists) from a classpath folder (the default that
 * ships with the tool) or a filesystem folder (an institution's own content), and validates it.
 */
public final class CurriculumLoader {
    public static final String DEFAULT_FOLDER = "curriculum/default";

    private CurriculumLoader() {
    }

    public static Curriculum defaultCurriculum() {
        return fromClasspath(DEFAULT_FOLDER);
    }

    /** @throws InvalidCurriculumException with every problem found */
    public static Curriculum fromClasspath(String folder) {
        return validated(classpathFiles(folder), "classpath:" + folder);
    }

    /** @throws InvalidCurriculumException with every problem found */
    public static Curriculum fromDirectory(Path folder) {
        return validated(directoryFiles(folder), folder.toString());
    }

    /** @throws InvalidCurriculumException with every problem found */
    public static Curriculum validated(CurriculumFiles files, String source) {
        CheckedCurriculum checked = CurriculumValidator.check(files);
        if (!checked.problems().isEmpty()) {
            throw new InvalidCurriculumException(source, checked.problems());
        }
        return checked.curriculum();
    }

    public static CurriculumFiles classpathFiles(String folder) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(CurriculumLoader.class.getClassLoader());
        return files(name -> {
            try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static CurriculumFiles directoryFiles(Path folder) {
        return files(name -> {
            Path file = folder.resolve(name).normalize();
            try {
                return file.startsWith(folder.normalize()) && Files.isRegularFile(file) ? Files.readString(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** curriculum.json and the files it lists that exist; the validator reports what is missing or unreadable. */
    private static CurriculumFiles files(Function<String, String> reader) {
        Map<String, String> files = new LinkedHashMap<>();
        String main = reader.apply(CurriculumFiles.MAIN_FILE);
        if (main == null) {
            return new CurriculumFiles(files);
        }
        files.put(CurriculumFiles.MAIN_FILE, main);
        for (String name : listedModules(main)) {
            String text = reader.apply(name);
            if (text != null) {
                files.put(name, text);
            }
        }
        return new CurriculumFiles(files);
    }

    private static List<String> listedModules(String main) {
        try {
            return JSONObjectUtils.parse(main).get("modules") instanceof List<?> names
                    ? names.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(name -> !name.contains("/") && !name.contains("\\")).distinct().toList()
                    : List.of();
        } catch (ParseException e) {
            return List.of();
        }
    }
}
