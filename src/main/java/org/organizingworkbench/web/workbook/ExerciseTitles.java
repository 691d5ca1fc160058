package org.organizingworkbench.web.workbook;

import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Module;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exercise titles a reader can tell apart: a title that several modules share ("Reflection paper" in nine of them)
 * is followed by its module's title ("Reflection paper: Strategy"); a unique one stays as written.
 */
public final class ExerciseTitles {

    private final Map<String, String> titles = new LinkedHashMap<>();

    private ExerciseTitles(Curriculum curriculum, Locale locale) {
        String language = locale.getLanguage();
        Map<String, Integer> uses = new HashMap<>();
        curriculum.exercises().forEach(e -> uses.merge(plain(e, curriculum, language), 1, Integer::sum));
        for (Module module : curriculum.modules()) {
            String moduleTitle = module.title().in(language, curriculum.defaultLanguage());
            for (Exercise exercise : module.exercises()) {
                String title = plain(exercise, curriculum, language);
                titles.put(exercise.id(), uses.get(title) > 1 ? title + ": " + moduleTitle : title);
            }
        }
    }

    public static ExerciseTitles of(Curriculum curriculum, Locale locale) {
        return new ExerciseTitles(curriculum, locale);
    }

    public String of(Exercise exercise) {
        return titles.getOrDefault(exercise.id(), exercise.id());
    }

    private static String plain(Exercise exercise, Curriculum curriculum, String language) {
        return exercise.title().in(language, curriculum.defaultLanguage());
    }
}
