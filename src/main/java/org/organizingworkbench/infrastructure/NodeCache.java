package org.organizingworkbench.infrastructure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Copies one node keeps of what the database holds, by key. The database stays the truth: a copy is dropped when
 * {@link NodeCaches#forgetEverywhere} announces that it went stale on any node of the cluster.
 */
public final class NodeCache<K, V> {

    private final String name;
    private final Map<String, V> copies = new ConcurrentHashMap<>();

    private NodeCache(String name) {
        this.name = name;
    }

    /** A cache of this node; {@link NodeCaches#register} makes it forget what other nodes announce. */
    public static <K, V> NodeCache<K, V> ofThisNode(String name) {
        return new NodeCache<>(name);
    }

    public String name() {
        return name;
    }

    /** The copy for the key, read by {@code load} the first time (and after it was forgotten); null is not kept. */
    public V get(K key, Function<K, V> load) {
        V copy = copies.get(String.valueOf(key));
        if (copy == null) {
            copy = load.apply(key);
            if (copy != null) {
                copies.put(String.valueOf(key), copy);
            }
        }
        return copy;
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
