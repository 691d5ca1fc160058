package org.organizingworkbench.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.NodeCaches;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The origins of every active platform ({@link Platform#siteOrigins()}): the only sites that may frame the tool.
 * Asked on every page, so kept in memory; read again after a change on any node of the cluster (announced through
 * {@link NodeCaches}), and at least every minute in case an announcement was missed.
 */
@ApplicationScoped
public class PlatformOrigins {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    @Inject
    PlatformRegistry registry;

    @Inject
    NodeCaches caches;

    @PostConstruct
    void shareForgetting() {
        caches.whenStale(PlatformsChanged.COPIES, key -> snapshot = null);
    }

    private record Snapshot(Set<String> origins, Instant readAt) {
    }

    private volatile Snapshot snapshot;

    public Set<String> ofActivePlatforms() {
        Snapshot current = snapshot;
        Instant now = Instant.now();
        if (current == null || current.readAt().plus(MAX_AGE).isBefore(now)) {
            Set<String> origins = new TreeSet<>();
            registry.all().stream().filter(Platform::isActive).forEach(p -> origins.addAll(p.siteOrigins()));
            current = new Snapshot(Set.copyOf(origins), now);
            snapshot = current;
        }
        return current.origins();
    }

    void platformsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlatformsChanged change) {
        snapshot = null;
        if (caches != null) {
            caches.forgetEverywhere(PlatformsChanged.COPIES, NodeCaches.EVERY_KEY);
        }
    }
}
