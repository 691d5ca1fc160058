package org.organizingworkbench.web.workbook;

import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.Workbooks;

import java.util.List;
import java.util.Map;

/** Staff's list of the students whose workbooks they may read, with how far each is (page {@code learners}). */
public record LearnersView(List<Author> learners, Map<Long, Workbooks.Progress> progress, AnswerView view,
                           String authHeaders, String role) {
}
