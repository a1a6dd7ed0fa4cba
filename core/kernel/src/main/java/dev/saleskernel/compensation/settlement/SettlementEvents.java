package dev.saleskernel.compensation.settlement;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.List;

/**
 * The events of a payee ledger. Each records the ledger ({@code participantId}, {@code planYear}
 * label), who acted, when and why: together they are the settlement audit trail.
 */
public final class SettlementEvents {
    private SettlementEvents() {
    }

    /** A ledger was opened for a participant's plan year. */
    public record LedgerOpened(String participantId, String planId, String planYear, String currency,
                               SettlementTerms terms, long openingDrawBalanceMinor, String reason, ActorId actor,
                               Instant occurredAt) implements DomainEvent {
    }

    /** A period's earnings were settled: the lines added to the pay period's statement. */
    public record EarningsSettled(String participantId, String planYear, String forPeriod, String payPeriod,
                                  int planVersion, List<StatementLine> lines, String reason, ActorId actor,
                                  Instant occurredAt) implements DomainEvent {
        public EarningsSettled {
            lines = List.copyOf(lines);
        }
    }

    /** Held amounts were released (condition met), as positive lines. */
    public record HoldsReleased(String participantId, String planYear, String payPeriod, List<String> holdIds,
                                List<StatementLine> lines, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
        public HoldsReleased {
            holdIds = List.copyOf(holdIds);
            lines = List.copyOf(lines);
        }
    }

    /**
     * A cancelled or refunded deal's payout was reversed as negative lines (and its outstanding
     * holds released against it); {@code reducesAttainment} tells the calculator whether the deal's
     * credit also leaves attainment.
     */
    public record DealClawedBack(String participantId, String planYear, String sourceId, String dealId,
                                 String payPeriod, long clawedBackMinor, boolean reducesAttainment,
                                 List<StatementLine> lines, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
        public DealClawedBack {
            lines = List.copyOf(lines);
        }
    }

    /** A statement was proposed for finalisation; somebody else must approve. */
    public record FinalisationProposed(String participantId, String planYear, String payPeriod, long totalBeforeDrawMinor,
                                       String reason, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A statement was finalised (draw lines added) by someone other than its proposer; it is immutable now. */
    public record StatementFinalised(String participantId, String planYear, String payPeriod, List<StatementLine> drawLines,
                                     long totalMinor, long drawBalanceMinor, ActorId proposedBy, ActorId actor,
                                     Instant occurredAt) implements DomainEvent {
        public StatementFinalised {
            drawLines = List.copyOf(drawLines);
        }
    }

    /** A finalisation proposal was sent back; the statement is open again. */
    public record FinalisationRejected(String participantId, String planYear, String payPeriod, String reason,
                                       ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A manual adjustment was proposed. */
    public record AdjustmentProposed(String participantId, String planYear, String adjustmentId,
                                     LedgerEntries.ManualAdjustment adjustment, String reason, ActorId actor,
                                     Instant occurredAt) implements DomainEvent {
    }

    /** A manual adjustment was approved by someone other than its proposer and landed as a line. */
    public record AdjustmentApproved(String participantId, String planYear, String adjustmentId, StatementLine line,
                                     ActorId proposedBy, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A manual adjustment was rejected or withdrawn. */
    public record AdjustmentRejected(String participantId, String planYear, String adjustmentId, String reason,
                                     ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A dispute was raised against a statement line. */
    public record DisputeRaised(String participantId, String planYear, LedgerEntries.Dispute dispute, ActorId actor,
                                Instant occurredAt) implements DomainEvent {
    }

    /** A dispute was resolved. */
    public record DisputeResolved(String participantId, String planYear, String disputeId, String resolution,
                                  ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** The plan year was closed: an outstanding recoverable draw balance was forgiven or carried forward. */
    public record PlanYearClosed(String participantId, String planYear, long drawBalanceBeforeMinor, long forgivenMinor,
                                 long carriedForwardMinor, String reason, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }
}
