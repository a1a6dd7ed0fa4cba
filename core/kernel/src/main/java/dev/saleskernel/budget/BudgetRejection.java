package dev.saleskernel.budget;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the budget context; {@link #code()} is {@code budget/NAME}. */
public enum BudgetRejection implements RejectionCode {
    /** The org units of a preparation are not one tree (one root, known parents listed first, distinct ids without '/'). */
    UNITS_INVALID,
    /** The cost categories are empty or repeated. */
    CATEGORIES_INVALID,
    /** The budget period cannot be split to the grain asked (custom period, or a grain not finer or equal). */
    PERIOD_NOT_SPLITTABLE,
    /** An amount is negative, or zero where a positive amount is needed. */
    AMOUNT_NOT_POSITIVE,
    /** An amount, or a sum it would make, exceeds {@link Budget#MAX_AMOUNT} minor units. */
    AMOUNT_TOO_LARGE,
    /** No budget line for this category, unit and date (or line id). */
    LINE_NOT_FOUND,
    /** The date of a fact lies outside the budget period. */
    DATE_OUTSIDE_BUDGET,
    /** Another fact was recorded under this source id with different content. */
    FACT_CONFLICT,
    /** A release or conversion names no recorded commitment. */
    COMMITMENT_NOT_FOUND,
    /** A release or conversion asks for more than the commitment still holds open. */
    EXCEEDS_OPEN_COMMITMENT,
    /** The spend would cross the line's period budget whose control action is STOP. */
    PERIOD_LIMIT_EXCEEDED,
    /** The spend would cross the year-to-date accumulated budget whose control action is STOP. */
    ACCUMULATED_LIMIT_EXCEEDED,
    /** Facts and revisions need an approved budget. */
    NOT_APPROVED,
    /** Only a draft budget can be edited directly; an approved one changes by revisions. */
    VERSION_NOT_EDITABLE,
    /** The budget is not in the status the command needs. */
    WRONG_STATUS,
    /** A revision would leave a line below what is already committed and spent, or below zero. */
    BELOW_USED,
    /** A transfer needs two different lines. */
    SAME_LINE,
    /** A revision id is already used in this budget. */
    REVISION_EXISTS,
    /** No pending revision with this id. */
    REVISION_NOT_FOUND;

    @Override
    public String context() {
        return "budget";
    }
}
