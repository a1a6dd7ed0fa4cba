package dev.saleskernel.kpi;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the KPI context; {@link #code()} is {@code kpi/NAME}. */
public enum KpiRejection implements RejectionCode {
    /** A dimension value (org unit, territory, channel, product line, customer) is missing or blank. */
    DIMENSION_BLANK,
    /** A count that cannot be negative is (responses, potential customers, rep days, market sales, spend). */
    NEGATIVE_COUNT,
    /** A satisfaction score lies outside 0..100 points. */
    SCORE_OUT_OF_RANGE,
    /** An order row's order count is not −1, 0 or 1. */
    ORDER_COUNT_INVALID,
    /** A sum overflows the exact {@code long} range. */
    AMOUNT_OVERFLOW,
    /** A fact is booked to an org unit the org structure does not know. */
    UNKNOWN_ORG_UNIT,
    /** A host-defined measure clashes with a built-in one or is declared twice. */
    MEASURE_CLASH,
    /** The cut has more dimension values and days than one cube can key (more than 2^63 combinations). */
    CUT_TOO_FINE,
    /** A fact's date lies outside the supported range (years 1900..2299). */
    DATE_OUT_OF_RANGE;

    @Override
    public String context() {
        return "kpi";
    }
}
