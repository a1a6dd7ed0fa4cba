package dev.saleskernel.customer;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.Set;

/** Events of a customer pool. */
public final class PoolEvents {
    private PoolEvents() {
    }

    /** A pool was opened with its dimension (e.g. {@code region:east}) and policy. */
    public record PoolOpened(String poolId, String dimension, PoolPolicy policy, ActorId actor,
                             Instant occurredAt) implements DomainEvent {
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

    /** A qualifying follow-up moved the account's last follow-up to {@code day}. */
    public record FollowUpRecorded(String poolId, String accountId, java.time.LocalDate day, ActorId actor,
                                   Instant occurredAt) implements DomainEvent {
    }

    /** A won deal moved the account's last deal to {@code day} and lifted its protection limit. */
    public record DealWonRecorded(String poolId, String accountId, java.time.LocalDate day, ActorId actor,
                                  Instant occurredAt) implements DomainEvent {
    }
}
