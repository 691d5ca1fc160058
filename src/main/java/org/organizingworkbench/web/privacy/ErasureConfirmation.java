package org.organizingworkbench.web.privacy;

import java.util.Map;

/**
 * Fragment {@code fragments/privacy-erase}: what erasing a course or a person would delete, counted, and the words the
 * administrator must type to confirm ({@code mismatch} when what they typed was not those words).
 */
record ErasureConfirmation(String kind, long id, String expected, Map<String, Long> counts, boolean mismatch) {
}
