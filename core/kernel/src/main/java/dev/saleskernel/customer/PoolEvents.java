package dev.saleskernel.customer;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.Set;

/** Events of a customer pool. */
public final class PoolEvents {
    private PoolEvents() {
    }

    public record AccountAddedToPool(String poolId, String accountId, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record AccountClaimed(String poolId, String accountId, String rep, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record AccountAssigned(String poolId, String accountId, String rep, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record AccountReturned(String poolId, String accountId, String rep, String reason, ActorId actor,
                                  Instant occurredAt) implements DomainEvent {
    }

    public record AccountReclaimed(String poolId, String accountId, String formerOwner, Set<ReclaimReason> reasons,
                                   ActorId actor, Instant occurredAt) implements DomainEvent {
    }
}
