package org.organizingworkbench.platform;

/** A platform was registered, changed, approved or removed: what depends on the set of platforms looks again. */
public record PlatformsChanged() {
}
