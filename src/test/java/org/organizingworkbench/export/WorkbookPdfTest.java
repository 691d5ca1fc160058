package org.organizingworkbench.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.view.Templates;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF holds what the student wrote, readable as text (so also by a screen reader or a search), in its language. */
class WorkbookPdfTest {

    private static final WorkbookPdf PDF = new WorkbookPdf(new WorkbookPrint(new Templates()));
    private static byte[] spanish;
    private static String spanishText;

    @BeforeAll
    static void exportOnce() throws IOException {
        WorkbookDocument document = SampleWorkbooks.withAnswers(WorkbookPrintTest.spanish(), "story-of-self",
                "{\"challenge\": " + SampleWorkbooks.JSON.valueToTree(WorkbookPrintTest.HOSTILE) + "}");
        spanish = PDF.pdf(document);
        spanishText = text(spanish);
    }

    /** The text as a reader sees it: ligatures as letters, any run of spaces or line breaks as one space. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
        }
    }

    @Test
    void holdsTheAnswersWithTheirAccents() {
        assertTrue(spanishText.contains("Ñandú, acción, corazón, güero"), "Spanish letters survive");
        assertTrue(spanishText.contains("La dirección Los horarios Calma El trabajo"), "a table row");
        assertTrue(spanishText.contains("Formar un equipo de verdad"), "a list item");
        assertTrue(spanishText.contains("El equipo acordó decidir por consenso y votar solo cuando el tiempo apremie."),
                "a long-text paragraph");
        assertTrue(spanishText.contains("6 reuniones (meta: 8 reuniones)"));
        assertTrue(spanishText.contains("Poder con"));
    }

    @Test
    void titlesAreInTheDocumentsLanguage() {
        assertTrue(spanishText.contains("Módulo 5: Crear estructura: el equipo de liderazgo"));
        assertTrue(spanishText.contains("Carta del equipo de liderazgo"));
        assertTrue(spanishText.contains("Cuaderno de trabajo de Carmen Muñoz"));
        assertFalse(spanishText.contains("Launch your team"), "hidden exercise, and no English");
        assertFalse(spanishText.contains("Lanza tu equipo"), "hidden exercise");
    }

    @Test
    void inEnglishTooAndUnansweredSaysSo() throws IOException {
        String english = text(PDF.pdf(new WorkbookDocument("Organizing", "Sam Lee", Curricula.DEFAULT, Locale.ENGLISH,
                ZoneOffset.UTC, Map.of(), Map.of(), Instant.parse("2027-01-01T00:00:00Z"))));
        assertTrue(english.contains("Module 5: Creating structure: the leadership team"));
        assertTrue(english.contains("Leadership team charter"));
        assertTrue(english.contains("Not submitted"));
        assertTrue(english.contains("Not answered"));
    }

    @Test
    void hostileHtmlCannotBreakTheDocument() {
        assertTrue(spanishText.contains("Antes enlace Después de todo"));
        assertFalse(spanishText.contains("alert("), "script text is dropped, not printed");
        assertTrue(spanishText.contains("Módulo 9"), "everything after the hostile answer is still there");
    }

    @Test
    void carriesTitleAuthorLanguageAndTagsAndEmbedsItsFonts() throws IOException {
        try (PDDocument document = Loader.loadPDF(spanish)) {
            assertEquals("Cuaderno de trabajo de Carmen Muñoz — Organizing: People, Power and Change",
                    document.getDocumentInformation().getTitle());
            assertEquals("Carmen Muñoz", document.getDocumentInformation().getAuthor());
            assertEquals("es", document.getDocumentCatalog().getLanguage());
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged PDF");
            assertTrue(document.getNumberOfPages() > 10);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
    }

    /** The widest table of the course (the one-to-one log, nine columns): every value of a full row is on paper. */
    @Test
    void everyColumnOfTheWidestTableIsPrinted() throws IOException {
        WorkbookDocument document = new WorkbookDocument("Organizing", "Sam Lee", Curricula.DEFAULT, Locale.ENGLISH,
                ZoneOffset.UTC, Map.of(), Map.of(), Instant.parse("2027-01-01T00:00:00Z"));
        document = SampleWorkbooks.withAnswers(document, "one-to-one-log", """
                {"meetings": [{"date": "2027-02-03",
                  "person": {"name": "Quentin Abernathy", "relationship": "neighbour on Elm", "notes": "night shift"},
                  "kind": "escalation", "purpose": "Ask about the bus stop",
                  "interests-values": "<p>Wants safe crossings for his twins</p>",
                  "resources": "Knows the tenant board", "commitment-asked": "Host a house meeting",
                  "commitment-made": "Hosts on the ninth", "follow-up": "Call him Thursday evening"}]}""");
        byte[] pdf = PDF.pdf(document, new Selection("one-to-one-log", false));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "one-to-one-log.pdf"), pdf);
        String text = text(pdf);
        for (String value : List.of("February 3, 2027", "Quentin Abernathy", "neighbour on Elm", "night shift",
                "Escalation", "Ask about the bus stop", "Wants safe crossings for his twins", "Knows the tenant board",
                "Host a house meeting", "Hosts on the ninth", "Call him Thursday evening")) {
            assertTrue(text.contains(value), value + " is in the PDF: " + text);
        }
        for (String column : List.of("Commitment made", "Follow-up")) {
            assertTrue(text.contains(column), "the column's name is printed beside its value: " + column);
        }
        assertFalse(text.contains("Module 5"), "one exercise, not the whole workbook");
    }

    @Test
    void unansweredExercisesCanBeLeftOut() throws IOException {
        WorkbookDocument document = SampleWorkbooks.withAnswers(new WorkbookDocument("Organizing", "Sam Lee",
                        Curricula.DEFAULT, Locale.ENGLISH, ZoneOffset.UTC, Map.of(), Map.of(), Instant.parse("2027-01-01T00:00:00Z")),
                "story-of-self", "{\"challenge\": \"<p>The night the clinic closed</p>\"}");
        String text = text(PDF.pdf(document, new Selection(null, true)));
        assertTrue(text.contains("The night the clinic closed"), text);
        assertFalse(text.contains("Leadership team charter"), "an exercise with no answer is left out");
    }
}
