package dev.saleskernel.customer;

import dev.saleskernel.shared.RejectionCode;

/** Refusal codes of the customer context ({@code customer/NAME}). */
public enum CustomerRejection implements RejectionCode {
    /** The account is not in this pool. */
    NOT_IN_POOL,
    /** The account is in the pool already. */
    ALREADY_IN_POOL,
    /** The account is held by a rep already; it must be returned or reclaimed first. */
    ALREADY_HELD,
    /** The rep does not hold the account. */
    NOT_HELD_BY_REP,
    /** The rep returned or lost this account recently and may not claim it again yet. */
    IN_COOLDOWN,
    /** The rep holds as many accounts of this pool as the pool allows. */
    POOL_CAP_REACHED,
    /** The rep holds as many accounts across all pools as allowed. */
    GLOBAL_CAP_REACHED,
    /** The new amount would take the account over its credit limit. */
    CREDIT_LIMIT_EXCEEDED,
    /** The new amount exceeds the credit limit and needs an approval first. */
    CREDIT_APPROVAL_REQUIRED,
    /** A new account shares a name, tax id, e-mail domain or phone with existing accounts (policy REFUSE). */
    DUPLICATE_SUSPECTED,
    /** A fact with this source id was recorded already with different content; facts are never silently replaced. */
    FACT_CONFLICT,
    /** An amount is not in the account's currency. */
    CURRENCY_MISMATCH,
    /** An amount must be positive (or, for open receivables and limits, not negative). */
    AMOUNT_OUT_OF_RANGE,
    /** A satisfaction score is outside 0–10, or a payment term is negative. */
    VALUE_OUT_OF_RANGE,
    /** An e-mail address or other contact datum is malformed. */
    INVALID_CONTACT_DATA,
    /** The account is owned by this rep already. */
    SAME_OWNER,
    /** A handover rule finds nobody to take the rep's accounts or deals on the effective date. */
    NO_SUCCESSOR;

    @Override
    public String context() {
        return "customer";
    }
}
