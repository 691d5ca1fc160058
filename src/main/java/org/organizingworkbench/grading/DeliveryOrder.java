package org.organizingworkbench.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which claimed outbox rows to send and which are superseded: for each user and line item only the newest row
 * (highest id, i.e. recorded last) is ever sent, so an older grade can never arrive after a newer one.
 */
public final class DeliveryOrder {

    /** A claimed row: its id and key. */
    public record Claimed(long id, DeliveryKey key) {
    }

    /** The rows to send, oldest first, and the rows a newer one replaces. */
    public record Plan(List<Claimed> send, List<Claimed> superseded) {
    }

    private DeliveryOrder() {
    }

    /**
     * @param newestPerKey the highest outbox id per key in the whole table, claimed or not (a newer row may be
     *                     waiting, held by another node, already sent or failed)
     */
    public static Plan plan(List<Claimed> claimed, Map<DeliveryKey, Long> newestPerKey) {
        Map<DeliveryKey, Long> newest = new HashMap<>(newestPerKey);
        for (Claimed row : claimed) {
            newest.merge(row.key(), row.id(), Math::max);
        }
        List<Claimed> send = new ArrayList<>();
        List<Claimed> superseded = new ArrayList<>();
        for (Claimed row : claimed) {
            (row.id() == newest.get(row.key()) ? send : superseded).add(row);
        }
        send.sort(Comparator.comparingLong(Claimed::id));
        return new Plan(send, superseded);
    }
}
