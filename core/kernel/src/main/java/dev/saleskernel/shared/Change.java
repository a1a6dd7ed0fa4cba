package dev.saleskernel.shared;

import java.util.List;
import java.util.Objects;

/**
 * What a successful command returns: the aggregate's new state and the events it raised.
 * Persisted together, atomically, or not at all.
 *
 * @param state  the new immutable state
 * @param events the events raised, in order; empty when the command changed nothing
 * @param <A>    the aggregate type
 */
public record Change<A>(A state, List<DomainEvent> events) {
    public Change {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    /** The new state with its one event (no varargs array on the hot path of single-event commands). */
    public static <A> Change<A> of(A state, DomainEvent event) {
        return new Change<>(state, List.of(event));
    }

    public static <A> Change<A> of(A state, DomainEvent... events) {
        return new Change<>(state, List.of(events));
    }

    /** A command that was accepted but changed nothing (e.g. setting a value to what it was). */
    public static <A> Change<A> none(A state) {
        return new Change<>(state, List.of());
    }

    public boolean changedNothing() {
        return events.isEmpty();
    }
}
