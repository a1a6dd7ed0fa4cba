package dev.saleskernel.risk;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;

/** Events of the finding ledger; each carries the finding as it stands after the change. */
public final class FindingEvents {
    private FindingEvents() {
    }

    /** Common shape of every finding event. */
    public sealed interface FindingEvent extends DomainEvent {
        TrackedFinding finding();
    }

    public record FindingRaised(TrackedFinding finding, ActorId actor, Instant occurredAt) implements FindingEvent {
    }

    public record FindingUpdated(TrackedFinding finding, ActorId actor, Instant occurredAt) implements FindingEvent {
    }

    public record FindingAcknowledged(TrackedFinding finding, ActorId actor, Instant occurredAt) implements FindingEvent {
    }

    public record FindingResolved(TrackedFinding finding, ActorId actor, Instant occurredAt) implements FindingEvent {
    }

    public record FindingExpired(TrackedFinding finding, ActorId actor, Instant occurredAt) implements FindingEvent {
    }
}
