package org.organizingworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Field;
import org.organizingworkbench.curriculum.FieldType;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.workbook.AnswerValueTest.field;
import static org.organizingworkbench.workbook.AnswerValueTest.json;

/**
 * Every field type's answer model, side by side: the same questions asked of each, so a new type cannot forget one
 * (an empty answer is blank, prints as unanswered and has no text; a written one round-trips through normalise and
 * reads the same in history, in a diagram and on paper).
 */
class AnswerModelTest {

    /** A Spanish reader: numbers with a decimal comma, days written out. */
    private static final AnswerLanguage SPANISH = new AnswerLanguage() {
        @Override
        public String text(org.organizingworkbench.curriculum.LocalizedText text) {
            return text.in("es", "en");
        }

        @Override
        public String number(double value) {
            return java.text.NumberFormat.getNumberInstance(Locale.forLanguageTag("es")).format(value);
        }

        @Override
        public String date(LocalDate date) {
            return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
        }
    };

    private static Map<Field, String> written() {
        Map<Field, String> values = new LinkedHashMap<>();
        values.put(field("goal", FieldType.SHORT_TEXT), "\"Win the repairs\"");
        values.put(field("story", FieldType.LONG_TEXT), "\"<p>My mother <strong>organised</strong></p><p>Then I did</p>\"");
        values.put(field("asks", FieldType.LIST), "[\"Come on Tuesday\",\"Bring a neighbour\"]");
        values.put(new Field("log", FieldType.TABLE, field("x", FieldType.SHORT_TEXT).label(), null, false, null, null,
                null, List.of(field("who", FieldType.SHORT_TEXT), field("hours", FieldType.NUMBER)), List.of(), false,
                null, null), "[{\"who\":\"Ana\",\"hours\":2.5}]");
        values.put(field("met", FieldType.PERSON), "{\"name\":\"Ana\",\"relationship\":\"neighbour\",\"notes\":\"nurse\"}");
        values.put(field("on", FieldType.DATE), "\"2027-02-15\"");
        values.put(field("target", FieldType.NUMBER), "1250.5");
        values.put(AnswerValueTest.choice(true), "[\"recruit\"]");
        return values;
    }

    @Test
    @DisplayName("every field type has a model, and an empty answer is blank, unanswered on paper and without text")
    void emptyAnswers() {
        for (FieldType type : FieldType.values()) {
            Field field = type == FieldType.CHOICE ? AnswerValueTest.choice(false) : field("f", type);
            JsonNode empty = AnswerModel.of(field).empty(field);
            assertTrue(AnswerValue.isBlank(empty), type + ": empty is blank");
            assertEquals(empty, AnswerValue.normalise(field, empty), type + ": empty stays empty");
            assertEquals("", AnswerModel.plainTextOf(field, empty, SPANISH), type.name());
            assertInstanceOf(PrintedAnswer.Unanswered.class, AnswerModel.printedOf(field, empty, SPANISH), type.name());
        }
        assertEquals(FieldType.values().length, written().size(), "the written examples cover every type");
    }

    @Test
    @DisplayName("a written answer is stable under normalise and reads the same in history, diagrams and on paper")
    void writtenAnswers() {
        for (Map.Entry<Field, String> entry : written().entrySet()) {
            Field field = entry.getKey();
            JsonNode stored = AnswerValue.normalise(field, json(entry.getValue()));
            assertEquals(stored, AnswerValue.normalise(field, stored), field.type() + ": normalise is idempotent");
            assertFalse(AnswerValue.isBlank(stored), field.type().name());
            assertFalse(AnswerModel.plainTextOf(field, stored, SPANISH).isBlank(), field.type().name());
            assertFalse(AnswerModel.printedOf(field, stored, SPANISH) instanceof PrintedAnswer.Unanswered,
                    field.type().name());
        }
    }

    @Test
    @DisplayName("numbers and dates in the reader's language on paper, as stored in history")
    void numbersAndDates() {
        Field number = field("target", FieldType.NUMBER);
        JsonNode stored = AnswerValue.normalise(number, json("\"1250,5\""));
        assertEquals("1250.5", AnswerText.of(number, stored, "es", "en"), "history compares what was written");
        assertEquals("1.250,5", ((PrintedAnswer.Number) AnswerModel.printedOf(number, stored, SPANISH)).value());
        Field day = field("on", FieldType.DATE);
        assertEquals("2027-02-15", AnswerText.of(day, json("\"2027-02-15\""), "es", "en"));
        assertEquals(new PrintedAnswer.Text("15/2/2027"), AnswerModel.printedOf(day, json("\"2027-02-15\""), SPANISH));
    }

    @Test
    @DisplayName("a person is their whole entry in history, their name in a diagram, a record on paper")
    void people() {
        Field met = field("met", FieldType.PERSON);
        JsonNode ana = json("{\"name\":\"Ana\",\"relationship\":\"neighbour\",\"notes\":\"nurse\"}");
        assertEquals("Ana — neighbour — nurse", AnswerText.of(met, ana, "en", "en"));
        assertEquals("Ana", AnswerModel.labelOf(met, ana, SPANISH));
        assertEquals(new PrintedAnswer.Person("Ana", "neighbour", "nurse"), AnswerModel.printedOf(met, ana, SPANISH));
    }

    @Test
    @DisplayName("a long text prints through the one HTML policy: no script, no handler, links kept safe")
    void longTextPrintsThroughTheOneHtmlPolicy() {
        Field story = field("story", FieldType.LONG_TEXT);
        String html = ((PrintedAnswer.Html) AnswerModel.printedOf(story, json(
                "\"<p onclick=\\\"x()\\\">Hi <a href=\\\"javascript:alert(1)\\\">there</a></p><script>bad()</script>\""),
                SPANISH)).html();
        assertFalse(html.contains("onclick") || html.contains("script") || html.contains("javascript:"), html);
        assertTrue(html.startsWith("<p>Hi"), html);
    }
}
