package org.organizingworkbench.emulator;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.ws.rs.core.Response;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Switches that make the emulator's services misbehave the way real platforms do (an outage, a stall, Moodle's 409
 * for an older score, Canvas's 422 for a user who cannot be graded), so the tool's behaviour under faults can be
 * shown and tested. Each fault lasts for a number of requests, then the service is healthy again.
 */
@ApplicationScoped
public class EmulatorFaults {

    public enum Service { TOKEN, NRPS, SCORES }

    public enum Fault {
        /** 500 Internal Server Error. */
        FAIL,
        /** No answer for 30 seconds, then 504: what a slow LMS looks like to a client with a timeout. */
        STALL,
        /** 409 Conflict, as Moodle answers a score older than the one it has. */
        CONFLICT,
        /** 422 Unprocessable Entity, as Canvas answers a score for a user who is not a student. */
        UNPROCESSABLE
    }

    private record Active(Fault fault, int remaining) {
    }

    private final Map<Service, Active> active = new EnumMap<>(Service.class);

    public synchronized void set(Service service, Fault fault, int requests) {
        if (fault == null || requests <= 0) {
            active.remove(service);
        } else {
            active.put(service, new Active(fault, requests));
        }
    }

    /** The fault to answer this request with, if one is set; counts the request against it. */
    synchronized Optional<Fault> next(Service service) {
        Active current = active.get(service);
        if (current == null) {
            return Optional.empty();
        }
        if (current.remaining() <= 1) {
            active.remove(service);
        } else {
            active.put(service, new Active(current.fault(), current.remaining() - 1));
        }
        return Optional.of(current.fault());
    }

    public synchronized Map<Service, String> describe() {
        Map<Service, String> description = new EnumMap<>(Service.class);
        active.forEach((service, a) -> description.put(service, a.fault() + " x" + a.remaining()));
        return description;
    }

    /** The answer a fault stands for. */
    static Response answer(Fault fault) {
        return switch (fault) {
            case FAIL -> Response.status(500).entity("emulated outage").build();
            case STALL -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield Response.status(504).entity("emulated stall").build();
            }
            case CONFLICT -> Response.status(409).entity("Refusing score with an earlier timestamp").build();
            case UNPROCESSABLE -> Response.status(422)
                    .entity("{\"errors\":{\"type\":\"unprocessable_entity\",\"message\":\"User not found in course or is not a student\"}}")
                    .build();
        };
    }
}
