package org.organizingworkbench.curriculum;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CurriculumFilesTest {

    @TempDir
    Path folder;

    @Test
    void loadsAnInstitutionsFolderFromTheFilesystem() throws IOException {
        CurriculumFiles shipped = CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER);
        for (Map.Entry<String, String> file : shipped.files().entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        Curriculum curriculum = CurriculumLoader.fromDirectory(folder);
        assertEquals(10, curriculum.modules().size());
        assertEquals(CurriculumLoader.defaultCurriculum(), curriculum);
    }

    @Test
    void rejectsAFilesystemFolderWithAMissingModule() throws IOException {
        Files.writeString(folder.resolve("curriculum.json"), CurriculumLoader.classpathFiles("curricula/missing-module-file")
                .file("curriculum.json").orElseThrow());
        InvalidCurriculumException rejected = assertThrows(InvalidCurriculumException.class,
                () -> CurriculumLoader.fromDirectory(folder));
        assertEquals(new CurriculumProblem("curriculum.json", "$.modules[0]",
                "module file module-00-start.json is listed but missing"), rejected.problems().get(0));
    }

    @Test
    void bundlesEveryFileIntoOneStableDocument() {
        CurriculumFiles shipped = CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER);
        CurriculumFiles restored = CurriculumFiles.fromJson(shipped.toJson());
        assertEquals(shipped.files().keySet(), restored.files().keySet());
        assertEquals(shipped.toJson(), restored.toJson());
        assertEquals(CurriculumLoader.defaultCurriculum(), CurriculumLoader.validated(restored, "bundle"));
        assertEquals(CurriculumVersions.sha256(shipped.toJson()), CurriculumVersions.sha256(restored.toJson()));
    }
}
