package org.organizingworkbench.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platforms file an operator's automation writes (WORKBENCH_PLATFORMS_FILE). */
class PlatformDeclarationsTest {

    @Test
    void theExampleInLtiConfigDeclaresAValidMoodleAndCanvas() throws IOException, ParseException {
        List<PlatformRegistration> declared = PlatformDeclarations.parse(
                Files.readString(Path.of("lti-config", "platforms.example.json")));
        assertEquals(2, declared.size());
        assertEquals("https://moodle.example.edu", declared.get(0).issuer());
        assertEquals(List.of("1"), declared.get(0).deploymentIds());
        assertEquals("https://canvas.instructure.com", declared.get(1).issuer());
        assertTrue(declared.stream().allMatch(r -> r.problems().isEmpty()), "both entries are valid");
    }

    @Test
    void aBadEntryIsReadSoItsProblemsCanBeReported() throws ParseException {
        List<PlatformRegistration> declared = PlatformDeclarations.parse(
                "{\"platforms\": [{\"name\": \"x\", \"issuer\": \"https://x\", \"authUrl\": \"nope\","
                        + " \"deploymentIds\": [1, null]}]}");
        assertEquals(List.of("clientId", "authUrl", "tokenUrl", "jwksUrl", "deploymentIds"), declared.get(0).problems());
    }

    @Test
    void aFileWithoutPlatformsIsRefused() {
        assertThrows(ParseException.class, () -> PlatformDeclarations.parse("{\"platform\": []}"));
        assertThrows(ParseException.class, () -> PlatformDeclarations.parse("not json"));
    }
}
