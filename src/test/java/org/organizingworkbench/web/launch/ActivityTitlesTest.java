package org.organizingworkbench.web.launch;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LMS gets one recognisable, unique title per exercise (issue 9 §6): module and exercise. */
class ActivityTitlesTest {

    private static final Curriculum DEFAULT = CurriculumLoader.defaultCurriculum();

    @Test
    void everyExerciseOfTheDefaultCurriculumGetsItsOwnTitleInBothLanguages() {
        for (String language : new String[]{"en", "es"}) {
            Map<String, String> titles = ActivityTitles.of(DEFAULT, language,
                    "en".equals(language) ? "Module {0} \u00b7 {1}" : "M\u00f3dulo {0} \u00b7 {1}", Locale.forLanguageTag(language));
            long exercises = DEFAULT.modules().stream().mapToLong(m -> m.exercises().size()).sum();
            assertEquals(exercises, titles.size());
            assertEquals(titles.size(), new HashSet<>(titles.values()).size(), "no two columns share a name: " + titles);
        }
    }

    @Test
    void theReflectionPapersAreToldApartByTheirModule() {
        Map<String, String> titles = ActivityTitles.of(DEFAULT, "en", "Module {0} \u00b7 {1}", Locale.ENGLISH);
        long reflections = titles.values().stream().filter(t -> t.contains("\u00b7 Reflection paper: ")).count();
        assertEquals(9, reflections, "each module's reflection paper is about that module: " + titles);
        assertTrue(titles.containsValue("Module 5 \u00b7 Reflection paper: building the team"), titles.toString());
        for (String language : new String[]{"en", "es"}) {
            assertEquals(DEFAULT.exercises().count(), DEFAULT.exercises().map(e -> e.title().in(language).orElseThrow())
                    .distinct().count(), "every exercise title is unique on its own in " + language);
        }
    }
}
