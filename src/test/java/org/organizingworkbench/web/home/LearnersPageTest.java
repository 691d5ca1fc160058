package org.organizingworkbench.web.home;

import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.web.workbook.AnswerView;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.workbook.Author;
import org.organizingworkbench.workbook.Workbooks;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organizingworkbench.view.Templates;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list of students' workbooks staff open: it renders outside a servlet context (links are plain paths). */
class LearnersPageTest {

    @Test
    void eachStudentLinksToTheirWorkbook() {
        Map<String, Object> model = new HashMap<>();
        model.put("learners", List.of(new Author(7, 1, 3, "Amara Okafor")));
        model.put("authHeaders", PageContext.bearerHeaders("t"));
        model.put("role", "TEACHING_ASSISTANT");
        model.put("progress", Map.of(7L, new Workbooks.Progress(3, 1, java.time.Instant.parse("2026-10-02T09:30:00Z"))));
        model.put("view", AnswerView.INSTANCE);
        String page = new Templates().render("learners", Locale.ENGLISH, model);
        assertTrue(page.contains("href=\"/app/learners/7/workbook\">Amara Okafor</a>"), page);
        assertTrue(page.contains("href=\"/app/sections\""), "a Fellow reaches their sections from the navigation");
        assertTrue(page.replaceAll("\\s+", " ").contains("<td data-label=\"Exercises started\">3</td> <td data-label=\"Exercises submitted\">1</td> <td data-label=\"Last submission\"><time datetime=\"2026-10-02T09:30:00Z\" data-when=\"moment\">October 2, 2026, 09:30 UTC</time></td>"),
                "how far the student is: " + page);
    }
}
