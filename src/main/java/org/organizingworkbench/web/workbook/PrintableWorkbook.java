package org.organizingworkbench.web.workbook;

import org.organizingworkbench.export.PrintedWorkbook;

/** The print view inside the tool's frame (page {@code workbook-printable}). */
public record PrintableWorkbook(PrintedWorkbook workbook) {
}
