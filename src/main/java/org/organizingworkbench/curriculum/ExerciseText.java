package org.organizingworkbench.curriculum;

import java.util.Map;
import java.util.Set;

/**
 * One text of an exercise as the editor shows it, in every language of the curriculum ("" where not written).
 *
 * @param slot where it is in the exercise: {@code prompt}, {@code fields[1].label}, {@code fields[0].columns[2].help}
 * @param key the text's own key: title, prompt, guidance, example, gradingHints, label, help or unit
 * @param fieldId the field the text belongs to; null for the exercise's own texts
 * @param fieldLabel that field's label by language, to tell the instructor which field it is
 * @param outOfDate languages whose text was not rewritten when another language's was
 */
public record ExerciseText(String slot, String key, boolean required, Map<String, String> values, String fieldId,
                           Map<String, String> fieldLabel, Set<String> outOfDate) {

    public ExerciseText {
        values = Map.copyOf(values);
        fieldLabel = Map.copyOf(fieldLabel);
        outOfDate = Set.copyOf(outOfDate);
    }

    public boolean isOutOfDate(String language) {
        return outOfDate.contains(language);
    }

    public String value(String language) {
        return values.getOrDefault(language, "");
    }

    /** Whether {@code rest}, a problem's path within the exercise, is about this text. */
    public boolean isAt(String rest) {
        return rest.equals(slot) || rest.startsWith(slot + ".");
    }

    /** The field's name in the language, else in any language, else its id. */
    public String fieldName(String language) {
        String name = fieldLabel.get(language);
        if (name == null || name.isBlank()) {
            name = fieldLabel.values().stream().filter(s -> !s.isBlank()).findFirst().orElse(fieldId);
        }
        return name;
    }

    /** Which option of a choice field, counted from 1; 0 when the text is not an option's label. */
    public int option() {
        int at = slot.lastIndexOf(".options[");
        return at < 0 ? 0 : Integer.parseInt(slot.substring(at + 9, slot.indexOf(']', at))) + 1;
    }
}
