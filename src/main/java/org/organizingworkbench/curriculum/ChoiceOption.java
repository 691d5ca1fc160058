package org.organizingworkbench.curriculum;

/** One option of a choice field: the stored value and what the student reads. */
public record ChoiceOption(String value, LocalizedText label) {
}
