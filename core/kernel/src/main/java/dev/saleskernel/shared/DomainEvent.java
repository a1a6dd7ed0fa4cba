package dev.saleskernel.shared;

import java.time.Instant;

/**
 * Something that happened to an aggregate, named in the past tense. Every event records who
 * caused it and when, so the outbox that carries them is a complete audit trail. Events are
 * immutable values; the time is always given to the aggregate, never read from a clock.
 */
public interface DomainEvent {
    /** Who caused the event. */
    ActorId actor();

    /** When it happened (the use case's clock reading, at microsecond precision). */
    Instant occurredAt();
}
