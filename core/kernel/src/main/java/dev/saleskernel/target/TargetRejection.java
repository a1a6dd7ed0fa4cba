package dev.saleskernel.target;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the target context; {@link #code()} is {@code target/NAME}. */
public enum TargetRejection implements RejectionCode {
    /** The addressed node does not exist in the plan. */
    NODE_NOT_FOUND,
    /** A split was asked of a node that has children already. */
    ALREADY_SPLIT,
    /** A split needs at least one child, with distinct, non-blank keys. */
    CHILDREN_INVALID,
    /** An amount or a weight is negative. */
    NEGATIVE_AMOUNT,
    /** The locked siblings (with the override) add up to more than their parent. */
    LOCKS_EXCEED_PARENT,
    /** Every sibling is locked, so nothing can absorb the difference to the parent. */
    NOTHING_TO_ABSORB,
    /** A weight is missing for a child, or out of the exact range. */
    WEIGHT_MISSING,
    /** The weights, history or capacity give every child zero: nothing to split by. */
    WEIGHTS_ALL_ZERO,
    /** A weight has too many digits to split exactly in a long. */
    WEIGHT_OUT_OF_RANGE,
    /** A seasonality profile must give every month a non-negative percentage summing to exactly 100. */
    SEASONALITY_NOT_100,
    /** The strategy needs the children to be periods (seasonality, capacity) or a period on the node. */
    STRATEGY_NEEDS_PERIODS,
    /** A period cannot be split to the grain asked (custom period, or a grain not finer). */
    PERIOD_NOT_SPLITTABLE,
    /** SMART: a target's period lies outside its parent's. */
    PERIOD_OUTSIDE_PARENT,
    /** SMART: a target's metric or unit differs from its parent's. */
    METRIC_NOT_ALIGNED,
    /** SMART (warning): growth over history beyond the configured bound. */
    GROWTH_BEYOND_BOUND,
    /** The plan's current version is not a draft: approved versions are immutable. */
    VERSION_NOT_EDITABLE,
    /** The plan is not in the state the command needs (e.g. propose a non-draft). */
    WRONG_STATUS,
    /** A reconciliation needs a bottom-up figure for every child. */
    SUBMISSION_MISSING,
    /** A reconciliation would change an ancestor that is locked. */
    ANCESTOR_LOCKED,
    /** A blend weight must lie between 0 and 1. */
    BLEND_WEIGHT_OUT_OF_RANGE,
    /** A fact conflicts with the ledger: another fact under its source id, or a reversal that does not negate its original. */
    FACT_CONFLICT,
    /**
     * An amount, or a total it would make (a sum of actuals, of locked siblings, of bottom-up
     * commitments, a projection), lies beyond the exact range of a {@code long}; refused instead
     * of overflowing.
     */
    AMOUNT_OUT_OF_RANGE;

    @Override
    public String context() {
        return "target";
    }
}
