package org.organizingworkbench.web.launch;

import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Module;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The titles the LMS gets for placed activities (link titles and gradebook columns): module and exercise, unique in
 * the whole curriculum, so nine "Reflection paper" exercises never make nine columns of the same name. Computed over
 * every exercise, hidden ones too, so an exercise keeps its title whenever it is placed.
 */
final class ActivityTitles {

    private ActivityTitles() {
    }

    /**
     * @param pattern the title's message pattern: {0} the module's number, {1} the exercise's title
     * @return exercise id → title
     */
    static Map<String, String> of(Curriculum curriculum, String language, String pattern, Locale locale) {
        String fallback = curriculum.defaultLanguage();
        MessageFormat format = new MessageFormat(pattern, locale);
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Module module : curriculum.modules()) {
            for (Exercise exercise : module.exercises()) {
                String title = format.format(new Object[]{String.valueOf(module.number()),
                        exercise.title().in(language, fallback)});
                int count = seen.merge(title.toLowerCase(locale), 1, Integer::sum);
                titles.put(exercise.id(), count == 1 ? title : title + " (" + count + ")");
            }
        }
        return titles;
    }
}
