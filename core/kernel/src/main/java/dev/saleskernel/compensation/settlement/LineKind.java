package dev.saleskernel.compensation.settlement;

/** What a statement line is. The first five settle earnings and take part in true-ups; the others do not. */
public enum LineKind {
    /** A month's advance: {@code Σ ⌊deal payout × rate⌋} (or {@code ⌊earned × rate⌋} without deals). */
    ADVANCE,
    /** A month paid in full (no advances) or a period's first settlement: {@code earned − settled inside}. */
    EARNINGS,
    /** A quarter's or year's true-up: {@code earned − already settled for periods inside it}. */
    TRUE_UP,
    /** An annual component on a month or quarter: zero, settled at year end. */
    DEFERRED,
    /** A recompute of a period settled before: {@code new earned − settled for it so far}. */
    RECOMPUTE_ADJUSTMENT,
    /** Part of deal amounts held back (negative). */
    HOLD,
    /** Held amounts released (positive). */
    RELEASE,
    /** A cancelled or refunded deal's payout reversed (negative). */
    CLAWBACK,
    /** A draw top-up: {@code draw − payable before the draw} (positive). */
    DRAW_TOP_UP,
    /** A recoverable draw repaid from excess: {@code min(payable − draw, outstanding)} (negative). */
    DRAW_RECOVERY,
    /** A manual adjustment approved by a second person. */
    MANUAL_ADJUSTMENT;

    /** Whether the line settles earnings (and so counts as "already settled" in a later true-up). */
    public boolean settlesEarnings() {
        return ordinal() <= RECOMPUTE_ADJUSTMENT.ordinal();
    }
}
