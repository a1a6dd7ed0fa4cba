package dev.saleskernel.budget;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** The events of a budget; amounts are minor units of the budget's currency. */
public final class BudgetEvents {
    private BudgetEvents() {
    }

    /** A budget was prepared top-down: {@code total} split exactly into {@code categories} and then lines. */
    public record BudgetPrepared(String budgetId, String currency, String period, long total, Map<String, Long> categories,
                                 int lines, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A draft line's amount was set by hand (the draft total changes by {@code amount − previous}). */
    public record LineAmountSet(String budgetId, int version, String lineId, long previous, long amount, String reason,
                                ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A draft line's control policy was set. */
    public record PolicySet(String budgetId, int version, String lineId, ControlPolicy policy, String reason,
                            ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** The draft was proposed for approval. */
    public record VersionProposed(String budgetId, int version, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** The proposed draft was approved by someone other than its proposer; spend may now be recorded. */
    public record VersionApproved(String budgetId, int version, ActorId proposedBy, long total, ActorId actor,
                                  Instant occurredAt) implements DomainEvent {
    }

    /** The proposal was rejected (or withdrawn); the budget is a draft again. */
    public record VersionRejected(String budgetId, int version, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** An execution fact was recorded on a line. */
    public record FactRecorded(String budgetId, String lineId, BudgetFact fact, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** Which budget a control check compared against. */
    public enum Scope {
        PERIOD, ACCUMULATED
    }

    /**
     * A fact crossed a WARN limit and was accepted: {@code excess = committed + actual + requested − budget > 0},
     * the figures before the fact, over the {@code scope}'s budget.
     */
    public record LimitWarning(String budgetId, String sourceId, String lineId, Scope scope, long budget, long committed,
                               long actual, long requested, long excess, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** An adjustment or transfer was proposed; it changes nothing until approved. */
    public record RevisionProposed(String budgetId, String revisionId, Revision revision, String reason, ActorId actor,
                                   Instant occurredAt) implements DomainEvent {
    }

    /** A revision was approved and applied; the budget's version is now {@code version}. */
    public record RevisionApproved(String budgetId, String revisionId, Revision revision, int version, ActorId proposedBy,
                                   ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A revision was rejected (or withdrawn by its proposer); nothing changed. */
    public record RevisionRejected(String budgetId, String revisionId, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }
}
