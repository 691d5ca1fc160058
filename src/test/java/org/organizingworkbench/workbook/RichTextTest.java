package org.organizingworkbench.workbook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RichTextTest {

    @Test
    void scriptsStylesAndHandlersNeverSurvive() {
        String stored = RichText.sanitise("<p onclick=\"steal()\" style=\"color:red\">Hi <script>alert(1)</script>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">link</a><iframe src=\"//evil\"></iframe></p>");
        assertFalse(stored.contains("script"), stored);
        assertFalse(stored.contains("onerror"), stored);
        assertFalse(stored.contains("onclick"), stored);
        assertFalse(stored.contains("javascript"), stored);
        assertFalse(stored.contains("iframe"), stored);
        assertFalse(stored.contains("style"), stored);
        assertTrue(stored.startsWith("<p>Hi "), stored);
    }

    @Test
    void theSubsetIsKeptAndLinksAreMadeSafe() {
        String stored = RichText.sanitise("<p>One <em>two</em> <strong>three</strong></p><ul><li>a</li></ul>"
                + "<ol><li>b</li></ol><p><a href=\"https://example.org/x\">site</a><br></p>");
        assertTrue(stored.contains("<em>two</em>") && stored.contains("<strong>three</strong>"), stored);
        assertTrue(stored.contains("<ul><li>a</li></ul>") && stored.contains("<ol><li>b</li></ol>"), stored);
        assertTrue(stored.contains("href=\"https://example.org/x\""), stored);
        String rel = stored.replaceAll("(?s).*rel=\"([^\"]*)\".*", "$1");
        assertEquals(java.util.Set.of("nofollow", "noopener", "noreferrer"), java.util.Set.of(rel.split(" ")), stored);
    }

    @Test
    void aWordProcessorPasteKeepsItsParagraphs() {
        String word = "<div class=\"WordSection1\"><p class=\"MsoNormal\" style=\"margin:0\"><span lang=\"ES\""
                + " style=\"font-family:Calibri\">Primer párrafo</span></p><p class=\"MsoNormal\"><b>Segundo</b>"
                + " párrafo</p></div>";
        assertEquals("<p></p><p>Primer párrafo</p><p><strong>Segundo</strong> párrafo</p>".replace("<p></p>", ""),
                RichText.sanitise(word).replace("<p></p>", "").replace("<p><p>", "<p>").replace("</p></p>", "</p>"));
        String docs = "<b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p dir=\"ltr\"><span>First</span></p>"
                + "<p dir=\"ltr\"><span>Second</span></p></b>";
        assertEquals("<p>First</p><p>Second</p>", RichText.sanitise(docs));
    }

    @Test
    void plainTextHasOneLinePerParagraphAndCountsWords() {
        String html = RichText.sanitise("<p>We met at the <em>union hall</em> &amp; talked.</p><ul><li>Ana</li><li>Luis</li></ul>");
        assertEquals("We met at the union hall & talked.\nAna\nLuis", RichText.plainText(html));
        assertEquals(10, RichText.words(html));
        assertEquals(0, RichText.words("<p> </p>"));
    }
}
