package org.organizingworkbench.infrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Copies one node keeps of what the database holds, by key. The database stays the truth: a copy is dropped when
 * {@link NodeCaches#forgetEverywhere} announces that it went stale on any node of the cluster.
 */
public final class NodeCache<K, V> {

    private record Copy<V>(V value, long readAt) {
    }

    private final String name;
    private final long maxAgeNanos;
    private final Map<String, Copy<V>> copies = new ConcurrentHashMap<>();

    private NodeCache(String name, Duration maxAge) {
        this.name = name;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * A cache of this node; {@link NodeCaches#register} makes it forget what other nodes announce. A copy is also
     * read again once it is {@code maxAge} old, in case an announcement never arrived (a node cut off from the grid).
     */
    public static <K, V> NodeCache<K, V> ofThisNode(String name, Duration maxAge) {
        return new NodeCache<>(name, maxAge);
    }

    public String name() {
        return name;
    }

    /** The copy for the key, read by {@code load} the first time (and after it was forgotten); null is not kept. */
    public V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Copy<V> copy = copies.get(String.valueOf(key));
        if (copy != null && now - copy.readAt() < maxAgeNanos) {
            return copy.value();
        }
        V value = load.apply(key);
        if (value != null) {
            copies.put(String.valueOf(key), new Copy<>(value, now));
        }
        return value;
    }

    /** This node drops its copy at once (e.g. inside the transaction that changes the row). */
    public void forget(K key) {
        forgetKey(String.valueOf(key));
    }

    void forgetKey(String key) {
        if (NodeCaches.EVERY_KEY.equals(key)) {
            copies.clear();
        } else {
            copies.remove(key);
        }
    }
}
