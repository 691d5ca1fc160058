package org.organizingworkbench.export;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A long-text answer's HTML, cleaned once more to the tags the workbook allows. The workbook already sanitises what
 * it stores; cleaning again here keeps a document whole even if a stored answer was written some other way.
 */
final class LongText {

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "ul", "ol", "li", "em", "strong", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto");

    private LongText() {
    }

    static String clean(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, output);
    }
}
