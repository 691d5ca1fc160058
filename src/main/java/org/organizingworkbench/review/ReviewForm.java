package org.organizingworkbench.review;

import org.organizingworkbench.curriculum.Field;

import java.util.List;
import java.util.Optional;

/**
 * What a reviewer is asked about a piece, in order (what worked first): each prompt is a curriculum {@link Field}
 * (long text, or a choice of rubric levels), so answers are checked and cleaned as workbook answers are.
 */
public record ReviewForm(String id, List<Field> prompts) {

    public ReviewForm {
        prompts = List.copyOf(prompts);
    }

    public Optional<Field> prompt(String promptId) {
        return prompts.stream().filter(p -> p.id().equals(promptId)).findFirst();
    }
}
