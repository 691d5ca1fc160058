package org.organizingworkbench.web.workbook;

/** A structured tool's diagram as SVG markup (fragment {@code fragments/diagram}); blank when there is nothing to draw. */
public record Diagram(String svg) {
}
