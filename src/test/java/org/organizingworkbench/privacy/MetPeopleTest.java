package org.organizingworkbench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.curriculum.Field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetPeopleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOneToOneLogShowsStaffAPlaceholderForEachPersonMetAndKeepsTheRest() throws Exception {
        Curriculum curriculum = CurriculumLoader.defaultCurriculum();
        Exercise log = curriculum.exercise("one-to-one-log").orElseThrow();
        assertTrue(MetPeople.namesPeopleMet(log));
        assertFalse(MetPeople.namesPeopleMet(curriculum.exercise("project-canvas").orElseThrow()));
        Field meetings = log.fields().stream().filter(f -> f.id().equals("meetings")).findFirst().orElseThrow();
        JsonNode written = JSON.readTree("[{\"person\": {\"name\": \"Bea Ruiz\", \"relationship\": \"neighbour\"},"
                + " \"purpose\": \"Invite\"}, {\"purpose\": \"No one named\"}]");
        JsonNode shown = MetPeople.hidden(meetings, written, "a person the student met");
        assertEquals("a person the student met", shown.at("/0/person/name").asText());
        assertEquals("neighbour", shown.at("/0/person/relationship").asText());
        assertEquals("Invite", shown.at("/0/purpose").asText());
        assertEquals("No one named", shown.at("/1/purpose").asText());
        assertEquals("Bea Ruiz", written.at("/0/person/name").asText(), "the stored value is never changed");
    }
}
