package org.organizingworkbench.course;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Place the students with no section evenly": sections end up as close in size as they can. */
class EvenSpreadTest {

    private static Map<Long, Integer> sizes(int... students) {
        Map<Long, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < students.length; i++) {
            sizes.put(100L + i, students[i]);
        }
        return sizes;
    }

    @Test
    void tenStudentsInTwoEmptySectionsMakeFiveAndFive() {
        Map<Long, Long> plan = EvenSpread.plan(sizes(0, 0), List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
        assertEquals(10, plan.size());
        assertEquals(5, plan.values().stream().filter(s -> s == 100L).count());
        assertEquals(5, plan.values().stream().filter(s -> s == 101L).count());
    }

    @Test
    void theSmallerSectionsFillFirstAndStudentsAlreadyPlacedStay() {
        Map<Long, Long> plan = EvenSpread.plan(sizes(4, 1, 2), List.of(1L, 2L, 3L, 4L));
        assertEquals(Map.of(1L, 101L, 2L, 101L, 3L, 102L, 4L, 101L), plan);
    }

    @Test
    void onATieTheEarlierSectionGetsTheStudent() {
        assertEquals(Map.of(7L, 100L), EvenSpread.plan(sizes(3, 3), List.of(7L)));
    }

    @Test
    void withoutSectionsNobodyIsPlaced() {
        assertTrue(EvenSpread.plan(Map.of(), List.of(1L, 2L)).isEmpty());
    }
}
