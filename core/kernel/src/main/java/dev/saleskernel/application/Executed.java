package dev.saleskernel.application;

import dev.saleskernel.shared.DomainEvent;
import java.util.List;
import java.util.Objects;

/**
 * A command that was accepted.
 *
 * @param state    the aggregate after the command
 * @param version  the stored version of that state
 * @param events   the events the command raised (also written to the outbox); empty when it
 *                 changed nothing or was a replay
 * @param replayed true when the command id had already been executed: nothing was done again,
 *                 {@code state} is the aggregate as it is now
 * @param <A>      the aggregate
 */
public record Executed<A>(A state, long version, List<DomainEvent> events, boolean replayed) {
    public Executed {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }
}
