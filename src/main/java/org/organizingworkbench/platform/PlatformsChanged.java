package org.organizingworkbench.platform;

/** A platform was registered, changed, approved or removed: what depends on the set of platforms looks again. */
public record PlatformsChanged() {
    /** The name every node's copies of platforms (sites, key sets) are forgotten under, cluster-wide. */
    public static final String COPIES = "platforms";
}
