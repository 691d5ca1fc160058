package org.organizingworkbench.infrastructure;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * What each node keeps in memory, and how the nodes of a cluster tell each other that a copy went stale. The
 * cluster is Payara Micro's own data grid (Hazelcast, found at {@value #GRID}); a stale copy is announced on one
 * topic as the cache's name and key (plain text, so no class has to travel). A node started with
 * {@code --nocluster}, and the middle test tier, have no grid: then only this node forgets, which is all there is.
 * <p>
 * Call {@link #forgetEverywhere} after the change committed (an {@code AFTER_SUCCESS} observer), so that no node
 * reads the old row again after it forgot.
 */
@ApplicationScoped
public class NodeCaches {

    private static final Logger LOG = Logger.getLogger(NodeCaches.class.getName());
    static final String GRID = "payara/Hazelcast";
    static final String TOPIC = "organizing-workbench.stale-copies";
    /** The key that stands for all keys of a cache. */
    public static final String EVERY_KEY = "*";
    private static final char SEPARATOR = '\n';

    private final Map<String, List<Consumer<String>>> forgetters = new ConcurrentHashMap<>();
    /** Where announcements go: the grid's topic, or nowhere on a node without a cluster. */
    private volatile Consumer<String> peers;

    @PostConstruct
    void joinGrid() {
        grid().ifPresent(grid -> {
            ITopic<String> joined = grid.getTopic(TOPIC);
            joined.addMessageListener(message -> {
                if (!message.getPublishingMember().localMember()) {
                    announced(message.getMessageObject());
                }
            });
            connect(joined::publish);
            LOG.info(() -> "Cluster caches: stale copies are announced to " + grid.getCluster().getMembers().size()
                    + " member(s) of the data grid");
        });
    }

    /** Makes this bean (and its topic listener) exist from the start, not at the first cached read. */
    void onStart(@Observes ToolStarted started) {
        LOG.fine(() -> "Node caches ready; clustered: " + (peers != null));
    }

    /** The cache forgets, key by key, whatever any node announces stale under its name. */
    public void register(NodeCache<?, ?> cache) {
        whenStale(cache.name(), cache::forgetKey);
    }

    /** Runs {@code forget} with the key (or {@link #EVERY_KEY}) whenever a copy of {@code name} goes stale. */
    public void whenStale(String name, Consumer<String> forget) {
        forgetters.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(forget);
    }

    /** This node forgets now; every other node of the cluster as soon as the announcement reaches it. */
    public void forgetEverywhere(String name, Object key) {
        String text = String.valueOf(key);
        forgetHere(name, text);
        Consumer<String> current = peers;
        if (current != null) {
            try {
                current.accept(name + SEPARATOR + text);
            } catch (RuntimeException e) {
                // The other nodes' copies may live on until they read again; the change itself is committed.
                LOG.warning(() -> "Could not announce a stale copy of " + name + " to the cluster: " + e);
            }
        }
    }

    /** Sends this node's announcements to the other nodes (the grid's topic; a test connects nodes directly). */
    public void connect(Consumer<String> toPeers) {
        peers = toPeers;
    }

    /** An announcement of another node: this node forgets the copy it names. */
    public void announced(String announcement) {
        int at = announcement.indexOf(SEPARATOR);
        if (at > 0) {
            String name = announcement.substring(0, at);
            String key = announcement.substring(at + 1);
            LOG.info(() -> "Another node changed " + name + " " + key + ": this node's copy is forgotten");
            forgetHere(name, key);
        }
    }

    private void forgetHere(String name, String key) {
        forgetters.getOrDefault(name, List.of()).forEach(forget -> forget.accept(key));
    }

    private static Optional<HazelcastInstance> grid() {
        try {
            Object found = new InitialContext().lookup(GRID);
            if (found instanceof HazelcastInstance grid && grid.getLifecycleService().isRunning()) {
                return Optional.of(grid);
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.fine(() -> "No data grid (" + e + "): caches are this node's alone");
        }
        return Optional.empty();
    }
}
