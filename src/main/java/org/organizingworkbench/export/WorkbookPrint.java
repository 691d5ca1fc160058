package org.organizingworkbench.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.view.Templates;

import java.util.Map;

/**
 * A student's workbook as one complete, printable HTML page (template {@value #TEMPLATE}): every module on a new
 * page, each visible exercise with its prompt, submission and answers, the diagrams next to their tables, no
 * navigation. The same page is what {@link WorkbookPdf} turns into a PDF.
 */
@ApplicationScoped
public class WorkbookPrint {

    public static final String TEMPLATE = "workbook-print";

    private Templates templates;

    /** For CDI's proxy only. */
    protected WorkbookPrint() {
    }

    @Inject
    public WorkbookPrint(Templates templates) {
        this.templates = templates;
    }

    public String html(WorkbookDocument document) {
        return html(document, Selection.ALL);
    }

    public String html(WorkbookDocument document, Selection selection) {
        return templates.render(TEMPLATE, document.locale(), Map.of("workbook", PrintedWorkbook.of(document, selection)));
    }
}
