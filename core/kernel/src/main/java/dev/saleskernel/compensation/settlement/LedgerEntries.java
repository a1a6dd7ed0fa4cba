package dev.saleskernel.compensation.settlement;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.PendingApproval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The records a {@link PayeeLedger} keeps beside its statements. */
public final class LedgerEntries {
    private LedgerEntries() {
    }

    /**
     * What one deal was settled for one component by one settlement: the change against what was
     * settled for it inside the same period before (the sum over a deal's entries is what it was paid).
     *
     * @param dealId      the deal
     * @param componentId the component
     * @param forPeriod   the label of the earnings period settled
     * @param payPeriod   the label of the statement period the amount was paid in
     * @param amountMinor the amount in minor units (negative when a recompute lowered it)
     * @param rate        the effective rate the deal was paid at, as the calculator reported it
     * @param creditedOn  the deal's credit date (start of its clawback window)
     */
    public record DealSettlement(String dealId, String componentId, String forPeriod, String payPeriod, long amountMinor,
                                 Optional<BigDecimal> rate, LocalDate creditedOn) {
        public DealSettlement {
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(forPeriod, "forPeriod");
            Objects.requireNonNull(payPeriod, "payPeriod");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(creditedOn, "creditedOn");
        }
    }

    /**
     * An amount held back from a deal until its condition is met.
     *
     * @param holdId      {@code H-n}
     * @param dealId      the deal
     * @param componentId the component
     * @param amountMinor the held amount, positive
     * @param creditedOn  the deal's credit date (for {@link SettlementTerms.HoldCondition#CLAWBACK_WINDOW_PASSED})
     * @param until       the release condition
     * @param heldIn      the label of the statement period that held it
     * @param releasedIn  the label of the statement period that released it, once released
     */
    public record HeldAmount(String holdId, String dealId, String componentId, long amountMinor, LocalDate creditedOn,
                             SettlementTerms.HoldCondition until, String heldIn, Optional<String> releasedIn) {
        public HeldAmount {
            Objects.requireNonNull(holdId, "holdId");
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(creditedOn, "creditedOn");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(heldIn, "heldIn");
            Objects.requireNonNull(releasedIn, "releasedIn");
        }

        public boolean outstanding() {
            return releasedIn.isEmpty();
        }

        HeldAmount releasedIn(String payPeriod) {
            return new HeldAmount(holdId, dealId, componentId, amountMinor, creditedOn, until, heldIn, Optional.of(payPeriod));
        }
    }

    /**
     * What a cancellation or refund took back from one deal and component.
     *
     * @param sourceId    the cancellation's source id (the idempotency key)
     * @param dealId      the deal
     * @param componentId the component
     * @param amountMinor the amount taken back, positive
     * @param payPeriod   the label of the statement period it was taken back in
     */
    public record DealClawback(String sourceId, String dealId, String componentId, long amountMinor, String payPeriod) {
        public DealClawback {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(payPeriod, "payPeriod");
        }
    }

    /**
     * A manual adjustment somebody proposed.
     *
     * @param payPeriod   the label of the statement period it is to land in
     * @param componentId the component it adjusts (or {@code manual})
     * @param amountMinor the amount in minor units, not zero
     */
    public record ManualAdjustment(String payPeriod, String componentId, long amountMinor) {
        public ManualAdjustment {
            Objects.requireNonNull(payPeriod, "payPeriod");
            Objects.requireNonNull(componentId, "componentId");
        }
    }

    /** A manual adjustment waiting for a second person, under its id {@code ADJ-n}. */
    public record PendingAdjustment(String adjustmentId, PendingApproval<ManualAdjustment> approval) {
        public PendingAdjustment {
            Objects.requireNonNull(adjustmentId, "adjustmentId");
            Objects.requireNonNull(approval, "approval");
        }
    }

    /**
     * A dispute recorded against a statement line, with its resolution once resolved.
     *
     * @param disputeId  {@code D-n}
     * @param payPeriod  the label of the statement's period
     * @param lineNumber the disputed line
     * @param text       what the participant disputes
     * @param raisedBy   who raised it
     * @param raisedAt   when
     * @param resolution how it was resolved, once resolved
     * @param resolvedBy who resolved it
     * @param resolvedAt when
     */
    public record Dispute(String disputeId, String payPeriod, int lineNumber, String text, ActorId raisedBy,
                          Instant raisedAt, Optional<String> resolution, Optional<ActorId> resolvedBy,
                          Optional<Instant> resolvedAt) {
        public Dispute {
            Objects.requireNonNull(disputeId, "disputeId");
            Objects.requireNonNull(payPeriod, "payPeriod");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(raisedBy, "raisedBy");
            Objects.requireNonNull(raisedAt, "raisedAt");
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(resolvedBy, "resolvedBy");
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }

        public boolean open() {
            return resolution.isEmpty();
        }
    }

    /**
     * A cancellation or refund of a deal, as the host's order system reports it.
     *
     * @param sourceId      the cancellation's id in the source system; a second clawback with the
     *                      same id does nothing
     * @param dealId        the deal
     * @param cancelledOn   the cancellation or refund date
     * @param refundedShare the share of the deal cancelled or refunded, above 0 up to 1 (1 for a
     *                      cancellation), at most 6 decimals
     */
    public record Cancellation(String sourceId, String dealId, LocalDate cancelledOn, BigDecimal refundedShare) {
        public Cancellation {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(cancelledOn, "cancelledOn");
            Objects.requireNonNull(refundedShare, "refundedShare");
        }

        /** A full cancellation. */
        public static Cancellation of(String sourceId, String dealId, LocalDate cancelledOn) {
            return new Cancellation(sourceId, dealId, cancelledOn, BigDecimal.ONE);
        }
    }
}
