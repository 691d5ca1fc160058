package org.organizingworkbench.workbook;

import java.util.List;

/**
 * An answer as a reader sees it on paper, already in the reader's language; {@link #kind()} picks how the template
 * lays it out ({@code fragments/workbook-answer}).
 */
public sealed interface PrintedAnswer {

    String kind();

    record Unanswered() implements PrintedAnswer {
        public String kind() {
            return "none";
        }
    }

    record Text(String text) implements PrintedAnswer {
        public String kind() {
            return "text";
        }
    }

    /** A long text's HTML, through the workbook's one HTML policy ({@link RichText}). */
    record Html(String html) implements PrintedAnswer {
        public String kind() {
            return "html";
        }
    }

    record Items(List<String> items) implements PrintedAnswer {
        public String kind() {
            return "list";
        }
    }

    record Person(String name, String relationship, String notes) implements PrintedAnswer {
        public String kind() {
            return "person";
        }
    }

    /** A number with its unit (blank when none) and target (blank when none), all formatted. */
    record Number(String value, String unit, String target) implements PrintedAnswer {
        public String kind() {
            return "number";
        }
    }

    /** Up to {@value #MOST_COLUMNS} columns a table fits a printed page; wider ones print each row as a record. */
    record Table(List<String> headers, List<List<PrintedAnswer>> rows) implements PrintedAnswer {
        public static final int MOST_COLUMNS = 4;

        public String kind() {
            return headers.size() > MOST_COLUMNS ? "records" : "table";
        }
    }
}
