package org.organizingworkbench.platform;

import java.util.List;

/** A platform registration with fields missing or malformed; {@link #fields()} names them. */
public class InvalidRegistrationException extends RuntimeException {
    private final List<String> fields;

    public InvalidRegistrationException(List<String> fields) {
        super("Invalid platform registration: " + String.join(", ", fields));
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }
}
