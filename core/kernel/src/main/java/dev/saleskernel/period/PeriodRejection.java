package dev.saleskernel.period;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the period context; {@link #code()} is {@code period/NAME}. */
public enum PeriodRejection implements RejectionCode {
    /** No segments were given to partition a period. */
    SEGMENTS_EMPTY,
    /** A segment is missing (null). */
    SEGMENT_MISSING,
    /** A segment reaches outside the period it should partition. */
    SEGMENT_OUTSIDE_PERIOD,
    /** Days between two consecutive segments (or at either end of the period) are covered by none. */
    SEGMENT_GAP,
    /** A segment starts before the previous one ends. */
    SEGMENT_OVERLAP;

    @Override
    public String context() {
        return "period";
    }
}
