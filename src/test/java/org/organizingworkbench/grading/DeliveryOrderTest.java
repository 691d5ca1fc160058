package org.organizingworkbench.grading;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryOrderTest {

    private static final DeliveryKey ANA = new DeliveryKey("https://lms/lineitems/1", "ana");
    private static final DeliveryKey BEN = new DeliveryKey("https://lms/lineitems/1", "ben");
    private static final DeliveryKey ANA_OTHER_ITEM = new DeliveryKey("https://lms/lineitems/2", "ana");

    @Test
    void onlyTheNewestRowOfEachUserAndLineItemIsSent() {
        var plan = DeliveryOrder.plan(List.of(claimed(7, ANA), claimed(3, ANA), claimed(5, BEN), claimed(4, ANA_OTHER_ITEM)),
                Map.of());
        assertEquals(List.of(4L, 5L, 7L), ids(plan.send()));
        assertEquals(List.of(3L), ids(plan.superseded()));
    }

    @Test
    void aNewerRowOutsideTheBatchSupersedesTheClaimedOne() {
        var plan = DeliveryOrder.plan(List.of(claimed(3, ANA), claimed(5, BEN)), Map.of(ANA, 9L, BEN, 5L));
        assertEquals(List.of(5L), ids(plan.send()));
        assertEquals(List.of(3L), ids(plan.superseded()));
    }

    @Test
    void anOlderRowElsewhereChangesNothing() {
        var plan = DeliveryOrder.plan(List.of(claimed(8, ANA)), Map.of(ANA, 2L));
        assertEquals(List.of(8L), ids(plan.send()));
        assertEquals(List.of(), ids(plan.superseded()));
    }

    private static DeliveryOrder.Claimed claimed(long id, DeliveryKey key) {
        return new DeliveryOrder.Claimed(id, key);
    }

    private static List<Long> ids(List<DeliveryOrder.Claimed> rows) {
        return rows.stream().map(DeliveryOrder.Claimed::id).toList();
    }
}
