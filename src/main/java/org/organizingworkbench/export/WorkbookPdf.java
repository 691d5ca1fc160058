package org.organizingworkbench.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

/**
 * A student's workbook as a PDF: the print page of {@link WorkbookPrint} laid out by openhtmltopdf, with DejaVu
 * Sans embedded (every Spanish letter, subset to the glyphs used), the diagrams drawn from their SVG, title, author
 * and language in the metadata, and tagged for assistive technology (PDF/UA).
 */
@ApplicationScoped
public class WorkbookPdf {

    public static final String MEDIA_TYPE = "application/pdf";
    static final String FONT_FAMILY = "DejaVu Sans";
    /** The font files, read once: about 2.7 MB that every export embeds a subset of. */
    private static final Map<String, byte[]> FONTS = new ConcurrentHashMap<>();

    private static final String STYLESHEET = new String(classpath("static/workbook-print.css"),
            java.nio.charset.StandardCharsets.UTF_8);

    private WorkbookPrint print;

    static {
        // openhtmltopdf logs each font load and timing at INFO on every export; the server log keeps its warnings
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /** For CDI's proxy only. */
    protected WorkbookPdf() {
    }

    @Inject
    public WorkbookPdf(WorkbookPrint print) {
        this.print = print;
    }

    public byte[] pdf(WorkbookDocument document) {
        return pdf(document, Selection.ALL);
    }

    public byte[] pdf(WorkbookDocument document, Selection selection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        write(document, selection, out);
        return out.toByteArray();
    }

    /** Writes the PDF to {@code out} (an HTTP response, a file); does not close it. */
    public void write(WorkbookDocument document, OutputStream out) {
        write(document, Selection.ALL, out);
    }

    private void write(WorkbookDocument document, Selection selection, OutputStream out) {
        // openhtmltopdf reads XHTML: jsoup parses the HTML5 page and hands over a W3C DOM, well formed by construction
        org.jsoup.nodes.Document html = Jsoup.parse(print.html(document, selection));
        // the page links its stylesheet for browsers; the renderer gets it inline (it fetches nothing)
        html.select("link[rel=stylesheet]").forEach(link -> link.after(new org.jsoup.nodes.Element("style")
                .appendChild(new org.jsoup.nodes.DataNode(STYLESHEET))).remove());
        // PDF/UA reads a replaced element's text alternative from alt; an SVG carries it in its <title>
        html.select("svg").forEach(svg -> svg.attr("alt", svg.select("title").text()));
        org.w3c.dom.Document page = W3CDom.convert(html);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE))
                .withW3cDocument(page, "")
                .withProducer("Organizing Workbench")
                .toStream(out);
        font(builder, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
        font(builder, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
        font(builder, "DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        byte[] font = FONTS.computeIfAbsent(file, WorkbookPdf::resource);
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, weight, style, true);
    }

    private static byte[] resource(String file) {
        return classpath("fonts/" + file);
    }

    private static byte[] classpath(String path) {
        try (InputStream in = WorkbookPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
