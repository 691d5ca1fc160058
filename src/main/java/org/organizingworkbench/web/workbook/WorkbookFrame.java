package org.organizingworkbench.web.workbook;

import org.organizingworkbench.workbook.Author;

/**
 * What every workbook page shows around its content: whose workbook it is, whether the reader is its author (and so
 * may write) or staff, where its links point ({@code base}), the session header htmx sends back and the reader's role.
 */
public record WorkbookFrame(Author author, boolean own, boolean staff, boolean readOnly, String base, String authHeaders,
                            String role, AnswerView view) {
}
