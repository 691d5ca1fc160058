package org.organizingworkbench.web.privacy;

import org.organizingworkbench.privacy.DataDirectory;
import org.organizingworkbench.privacy.Retention;

import java.util.List;

/**
 * The administrator's personal-data panel (fragment {@code fragments/privacy-admin}): the courses, the retention
 * rule, the people found by a search, and what the last action did (at most one of {@code gone}, {@code deleted},
 * {@code importProblem}, {@code imported}, {@code retentionPass}).
 */
record PrivacyPanel(List<DataDirectory.CourseLine> courses, int retentionDays, int noticeDays, String search,
                    List<DataDirectory.PersonLine> people, Boolean gone, String deleted, String importProblem,
                    String imported, Retention.Pass retentionPass) {

    static PrivacyPanel of(List<DataDirectory.CourseLine> courses, int retentionDays, int noticeDays) {
        return new PrivacyPanel(courses, retentionDays, noticeDays, null, null, null, null, null, null, null);
    }

    PrivacyPanel found(String text, List<DataDirectory.PersonLine> found) {
        return new PrivacyPanel(courses, retentionDays, noticeDays, text, found, gone, deleted, importProblem, imported,
                retentionPass);
    }

    PrivacyPanel withGone() {
        return new PrivacyPanel(courses, retentionDays, noticeDays, search, people, true, deleted, importProblem,
                imported, retentionPass);
    }

    PrivacyPanel withDeleted(String worded) {
        return new PrivacyPanel(courses, retentionDays, noticeDays, search, people, gone, worded, importProblem,
                imported, retentionPass);
    }

    PrivacyPanel withImportProblem(String reason) {
        return new PrivacyPanel(courses, retentionDays, noticeDays, search, people, gone, deleted, reason, imported,
                retentionPass);
    }

    PrivacyPanel withImported(String summary) {
        return new PrivacyPanel(courses, retentionDays, noticeDays, search, people, gone, deleted, importProblem,
                summary, retentionPass);
    }

    PrivacyPanel withRetentionPass(Retention.Pass pass) {
        return new PrivacyPanel(courses, retentionDays, noticeDays, search, people, gone, deleted, importProblem,
                imported, pass);
    }
}
