package dev.saleskernel.compensation;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the compensation context; {@link #code()} is {@code compensation/NAME}. */
public enum CompensationRejection implements RejectionCode {
    /** A plan field is missing, malformed or outside its range (see the rejection's field). */
    PLAN_INVALID,
    /** The pay mix's base and incentive shares do not sum to exactly 100%. */
    PAY_MIX_NOT_100,
    /** Tiers leave a gap: a tier does not start where the previous one ended, or the first does not start at 0. */
    TIER_GAP,
    /** Tiers overlap: a tier starts before the previous one ended. */
    TIER_OVERLAP,
    /** A rate is negative, above 100% or has more than 6 decimal places. */
    RATE_OUT_OF_RANGE,
    /** A cap, floor or amount is negative. */
    NEGATIVE_AMOUNT,
    /** The component type is not one the calculator knows. */
    UNKNOWN_COMPONENT_TYPE,
    /** Two components share an id. */
    DUPLICATE_COMPONENT,
    /** A credit line or transaction is malformed. */
    CREDIT_INVALID,
    /** Revenue split shares do not sum to exactly 100%. */
    SPLITS_NOT_100,
    /** The same source id arrived twice with different content. */
    SOURCE_CONFLICT,
    /** An amount is too large to compute exactly in minor units. */
    AMOUNT_TOO_LARGE,
    /** A participant is named twice or a participant's figures are invalid. */
    PARTICIPANT_INVALID,
    /** The plan version is not in force for the period, or the period is not in the plan's currency year. */
    PLAN_NOT_IN_FORCE,
    /** A run's period is longer than {@link CommissionCalculator#MAX_PERIOD_DAYS} days. */
    PERIOD_TOO_LONG,
    /** The plan version is not a draft (published versions are never edited). */
    NOT_A_DRAFT,
    /** There is no such plan version. */
    NO_SUCH_VERSION;

    @Override
    public String context() {
        return "compensation";
    }
}
