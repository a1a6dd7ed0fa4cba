package dev.saleskernel.target;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The events of a target plan; each names the plan, its version, the actor and the time. */
public final class TargetEvents {
    private TargetEvents() {
    }

    /** A plan was created with its root target; {@code warnings} are the SMART warnings raised. */
    public record PlanCreated(String planId, Target root, List<String> warnings, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** A node was split into children by a strategy. */
    public record NodeSplit(String planId, int version, String nodeId, Dimension dimension, String strategy,
                            Map<String, Long> children, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** Amounts changed by an edit or an override (the overridden node locked); {@code changed} holds every new amount. */
    public record AmountsChanged(String planId, int version, String nodeId, long previous, long amount, boolean locked,
                                 Map<String, Long> changed, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** A node's lock was released; no amount changed. */
    public record NodeUnlocked(String planId, int version, String nodeId, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** A bottom-up commitment was submitted for a node. */
    public record CommitmentSubmitted(String planId, int version, String nodeId, long amount, ActorId actor,
                                      Instant occurredAt) implements DomainEvent {
    }

    /** A node's children were reconciled with their bottom-up figures. */
    public record Reconciled(String planId, int version, String nodeId, String policy, Map<String, Long> changed,
                             String reason, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** The current version was proposed for approval. */
    public record VersionProposed(String planId, int version, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** The current version was approved by someone other than its proposer; it is immutable from now on. */
    public record VersionApproved(String planId, int version, ActorId proposedBy, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** The proposal was rejected; the version is a draft again. */
    public record VersionRejected(String planId, int version, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** A new draft version was opened from the approved one. */
    public record VersionOpened(String planId, int version, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }
}
