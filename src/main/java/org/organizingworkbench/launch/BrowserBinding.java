package org.organizingworkbench.launch;

/**
 * What the browser brought back to prove it is the one that started the login: the binding cookie, or the value it
 * read from Platform Storage, and whether it already tried Platform Storage.
 */
public record BrowserBinding(String cookieValue, String storageValue, boolean storageTried) {
}
