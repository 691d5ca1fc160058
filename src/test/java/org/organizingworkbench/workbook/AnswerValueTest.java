package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.ChoiceOption;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.FieldType;
import org.organizingworkbench.curriculum.LocalizedText;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerValueTest {

    private static final LocalizedText LABEL = new LocalizedText(Map.of("en", "Label", "es", "Etiqueta"));

    static Field field(String id, FieldType type) {
        return new Field(id, type, LABEL, null, false, null, null, null, List.of(), List.of(), false, null, null);
    }

    static Field choice(boolean multiple) {
        return new Field("kind", FieldType.CHOICE, LABEL, null, false, null, null, null, List.of(),
                List.of(new ChoiceOption("recruit", new LocalizedText(Map.of("en", "Recruitment", "es", "Reclutamiento"))),
                        new ChoiceOption("keep", new LocalizedText(Map.of("en", "Maintenance", "es", "Mantenimiento")))),
                multiple, null, null);
    }

    static JsonNode json(String text) {
        return AnswerValue.parse(text);
    }

    @Test
    void longTextIsSanitisedAndShortTextIsOneLine() {
        assertEquals("<p>hi</p>", AnswerValue.normalise(field("a", FieldType.LONG_TEXT), json("\"<p onclick=x>hi</p><script>1</script>\"")).asText());
        assertEquals("one line", AnswerValue.normalise(field("a", FieldType.SHORT_TEXT), json("\" one\\nline \"")).asText());
    }

    @Test
    void tableCellsFollowTheirColumnsAndUnknownColumnsAreDropped() {
        Field table = new Field("meetings", FieldType.TABLE, LABEL, null, false, null, null, null,
                List.of(field("date", FieldType.DATE), field("people", FieldType.NUMBER), field("notes", FieldType.LONG_TEXT)),
                List.of(), false, null, null);
        JsonNode rows = AnswerValue.normalise(table, json("[{\"date\":\"2026-10-01\",\"people\":\"12\",\"notes\":\"<b>ok</b>\",\"evil\":1}]"));
        assertEquals("[{\"date\":\"2026-10-01\",\"people\":12,\"notes\":\"<strong>ok</strong>\"}]", AnswerValue.write(rows));
        assertThrows(InvalidAnswerException.class, () -> AnswerValue.normalise(table, json("[{\"date\":\"1 Oct\"}]")));
        assertThrows(InvalidAnswerException.class, () -> AnswerValue.normalise(table, json("{\"date\":\"2026-10-01\"}")));
    }

    @Test
    void choicesAcceptOnlyTheirOptions() {
        assertEquals("keep", AnswerValue.normalise(choice(false), json("\"keep\"")).asText());
        assertEquals("[\"recruit\",\"keep\"]", AnswerValue.write(AnswerValue.normalise(choice(true), json("[\"recruit\",\"keep\",\"recruit\"]"))));
        InvalidAnswerException refused = assertThrows(InvalidAnswerException.class,
                () -> AnswerValue.normalise(choice(false), json("\"bribe\"")));
        assertEquals("answer.wrongShape", refused.reason());
    }

    @Test
    void numbersAcceptWhatPeopleTypeButNotWords() {
        assertEquals(7.5, AnswerValue.normalise(field("n", FieldType.NUMBER), json("\"7,5\"")).asDouble());
        assertTrue(AnswerValue.normalise(field("n", FieldType.NUMBER), json("\"\"")).isNull());
        assertThrows(InvalidAnswerException.class, () -> AnswerValue.normalise(field("n", FieldType.NUMBER), json("\"many\"")));
    }

    @Test
    void personKeepsOnlyItsThreeParts() {
        JsonNode person = AnswerValue.normalise(field("lead", FieldType.PERSON),
                json("{\"name\":\" Rosa \",\"relationship\":\"neighbour\",\"notes\":\"line1\\nline2\",\"ssn\":\"x\"}"));
        assertEquals("{\"name\":\"Rosa\",\"relationship\":\"neighbour\",\"notes\":\"line1\\nline2\"}", AnswerValue.write(person));
    }

    @Test
    void blankMeansNothingWritten() {
        assertTrue(AnswerValue.isBlank(json("\"<p> </p>\"")));
        assertTrue(AnswerValue.isBlank(json("[{\"a\":\"\"}]")));
        assertFalse(AnswerValue.isBlank(json("[\"x\"]")));
        assertFalse(AnswerValue.isBlank(json("0")));
    }

    @Test
    void tooMuchIsRefusedWithoutGuessing() {
        String huge = "\"" + "a".repeat(AnswerValue.MAX_TEXT + 1) + "\"";
        assertEquals("answer.tooLong", assertThrows(InvalidAnswerException.class,
                () -> AnswerValue.normalise(field("t", FieldType.LONG_TEXT), json(huge))).reason());
    }

    @Test
    void plainTextShowsLabelsInTheReadersLanguage() {
        assertEquals("Reclutamiento, Mantenimiento", AnswerText.of(choice(true), json("[\"recruit\",\"keep\"]"), "es", "en"));
        Field table = new Field("t", FieldType.TABLE, LABEL, null, false, null, null, null,
                List.of(field("who", FieldType.SHORT_TEXT), field("n", FieldType.NUMBER)), List.of(), false, null, null);
        assertEquals("1. Label: Ana · Label: 3", AnswerText.of(table, json("[{\"who\":\"Ana\",\"n\":3}]"), "en", "en"));
    }
}
