package dev.saleskernel.compensation;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.TenantId;
import java.time.Instant;

/** The events of the {@link CompensationPlan} aggregate: its audit trail (actor, time, reason). */
public final class PlanEvents {
    private PlanEvents() {
    }

    /** A plan version was proposed as a draft; it pays nobody until somebody else publishes it. */
    public record PlanVersionProposed(TenantId tenantId, String planId, int version, String reason, ActorId actor,
                                      Instant occurredAt) implements DomainEvent {
    }

    /** A draft was published by someone other than its proposer and now governs its effective dates. */
    public record PlanVersionPublished(TenantId tenantId, String planId, int version, ActorId proposedBy, ActorId actor,
                                       Instant occurredAt) implements DomainEvent {
    }

    /** A draft was rejected (or withdrawn by its proposer); nothing in force changed. */
    public record PlanVersionRejected(TenantId tenantId, String planId, int version, String reason, ActorId actor,
                                      Instant occurredAt) implements DomainEvent {
    }
}
