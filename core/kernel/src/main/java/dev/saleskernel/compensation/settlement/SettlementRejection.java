package dev.saleskernel.compensation.settlement;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of settlement; {@link #code()} is {@code settlement/NAME}. */
public enum SettlementRejection implements RejectionCode {
    /** A settlement term is out of range (a share outside 0–1, a negative draw, a window under one day...). */
    TERMS_INVALID,
    /** The earnings belong to another participant, plan or currency than the ledger. */
    EARNINGS_FOR_ANOTHER_LEDGER,
    /** The earnings' period is not a month, quarter or year inside the ledger's plan year. */
    PERIOD_NOT_SETTLEABLE,
    /** The earnings break their own invariant (duplicate components, deal payouts not summing to their component...). */
    EARNINGS_INCONSISTENT,
    /** An amount is larger than settlement accepts ({@link SettlementTerms#MAX_AMOUNT_MINOR}), or a sum would overflow. */
    AMOUNT_OUT_OF_RANGE,
    /** The statement of the pay period is finalised; a change lands in an open period as an adjustment line. */
    STATEMENT_FINALISED,
    /** The statement waits for finalisation approval; it takes no new lines until approved or sent back. */
    STATEMENT_AWAITING_APPROVAL,
    /** No statement exists for the period. */
    STATEMENT_NOT_FOUND,
    /** The statement has no line with that number. */
    LINE_NOT_FOUND,
    /** The deal was never paid in this ledger, or nothing of it is left to claw back. */
    DEAL_NOT_PAID,
    /** The cancellation is outside the plan's clawback window for every payout of the deal. */
    OUTSIDE_CLAWBACK_WINDOW,
    /** The cancellation is dated before the deal was credited. */
    CANCELLED_BEFORE_CREDITED,
    /** No pending adjustment with that id. */
    ADJUSTMENT_NOT_FOUND,
    /** No dispute with that id, or it is resolved already. */
    DISPUTE_NOT_OPEN,
    /** The plan year was closed; the ledger takes no new settlement. */
    YEAR_CLOSED;

    @Override
    public String context() {
        return "settlement";
    }
}
