package org.organizingworkbench.web.curriculum;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.curriculum.CurriculumDraft;
import org.organizingworkbench.curriculum.CurriculumFiles;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.CurriculumVersion;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.web.PageContexts;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's pages rendered as the server renders them: grouped, marked, in both languages. */
class CurriculumEditorPagesTest {

    private static final CurriculumFiles SHIPPED = CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER);
    private static final String LOG = "one-to-one-log";

    private final CurriculumEditorPages pages = pages();

    @Test
    void theCurriculumIsModulesToOpenWithTheirActionsUnderMoreAndItsOutOfDateTranslationsCounted() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones.", "es", draft.texts(LOG).get(1).value("es")));
        String page = pages.overview(session("en"), version(draft.files(), 2), null, null);
        assertTrue(page.contains("<details class=\"editor-module\" id=\"module-4\">"), "modules start closed");
        assertEquals(count(page, "class=\"exercise-more\""), count(page, "data-exercise=\""), "one More per exercise");
        assertTrue(page.contains("one translation out of date"), page);
        assertTrue(page.contains("Languages of this course: English, Spanish. Main language: English."));
        assertTrue(page.contains("/app/curriculum/modules/organization/new-exercise"));
        assertClean(page);
        assertTrue(pages.overview(session("en"), version(SHIPPED, 1), null, "edit-" + LOG)
                .contains("<details class=\"editor-module\" id=\"module-4\" open=\"open\">"), "the module just edited stays open");
    }

    @Test
    void theExerciseFormMarksTheOutOfDateSpanishTextAndOffersFieldsToAddAndRemove() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones.", "es", draft.texts(LOG).get(1).value("es")));
        CurriculumVersion version = version(draft.files(), 2);
        String page = pages.exerciseForm(session("es"), version, CurriculumDraft.of(version.files()), LOG, List.of(), null);
        assertTrue(page.contains("id=\"t1-es-stale\""), page);
        assertTrue(page.contains("name=\"c1.es\""), "the instructor can confirm it");
        assertFalse(page.contains("id=\"t1-en-stale\""));
        assertTrue(page.contains("hx-post=\"/app/curriculum/exercises/one-to-one-log/fields\""));
        assertTrue(page.contains("/app/curriculum/exercises/one-to-one-log/fields/meetings/remove"), page);
        assertTrue(page.contains("Desactualizado"));
        assertTrue(Pattern.compile("<details class=\"field-texts\"[^>]*data-field=\"meetings\"").matcher(page).find(),
                "a field's texts start closed");
        assertClean(page);
    }

    @Test
    void anEnglishOnlyCourseShowsOnlyEnglishInputs() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.chooseLanguages(List.of("en"));
        CurriculumVersion version = version(draft.files(), 2);
        String page = pages.exerciseForm(session("es"), version, CurriculumDraft.of(version.files()), LOG, List.of(), null);
        assertTrue(page.contains("id=\"t0-en\""));
        assertFalse(page.contains("id=\"t0-es\""));
        String languages = pages.languages(session("en"), version, null, 200);
        assertTrue(Pattern.compile("id=\"language-en\"[^>]*checked").matcher(languages).find(), languages);
        assertFalse(Pattern.compile("id=\"language-es\"[^>]*checked").matcher(languages).find());
        assertClean(languages);
    }

    @Test
    void aNewExerciseFormAndTheComparisonOfTwoVersions() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        String form = pages.newExerciseForm(session("en"), version(SHIPPED, 1), draft, "organization", "exercise",
                Map.of(), List.of());
        assertTrue(form.contains("id=\"title-es\""));
        assertClean(form);
        draft.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones and log each one.",
                "es", draft.texts(LOG).get(1).value("es")));
        CurriculumVersion before = version(SHIPPED, 1);
        CurriculumVersion after = version(draft.files(), 2);
        String compared = pages.comparison(session("en"), after, before, after);
        assertTrue(compared.contains("data-exercise=\"one-to-one-log\""), compared);
        assertTrue(compared.contains("<ins>"), compared);
        assertTrue(compared.contains("Prompt (English)"), compared);
        assertClean(compared);
    }

    private static void assertClean(String page) {
        assertFalse(page.contains("??"), "every text is in the bundle: " + page);
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(), "no inline script");
        assertFalse(page.contains(" style=\""), "no inline style (CSP)");
    }

    private static int count(String page, String text) {
        return page.split(Pattern.quote(text), -1).length - 1;
    }

    private static Session session(String language) {
        return new Session(7L, "Ivan", 3L, "Course", 5L, CourseRole.INSTRUCTOR, 1, 1, language,
                Instant.now().plusSeconds(600), null);
    }

    private static CurriculumEditorPages pages() {
        CurriculumEditorPages pages = new CurriculumEditorPages();
        pages.templates = new Templates();
        pages.pages = new PageContexts() {
            @Override
            public PageContext of(Session session) {
                return PageContext.of(session, "token");
            }
        };
        return pages;
    }

    /** A stored version as the database gives it back. */
    private static CurriculumVersion version(CurriculumFiles files, long id) {
        try {
            Constructor<CurriculumVersion> make = CurriculumVersion.class.getDeclaredConstructor();
            make.setAccessible(true);
            CurriculumVersion version = make.newInstance();
            set(version, "id", id);
            set(version, "version", (int) id);
            set(version, "content", files.toJson());
            set(version, "curriculumId", "organizing-course");
            set(version, "createdAt", LocalDateTime.now());
            return version;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = CurriculumVersion.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
