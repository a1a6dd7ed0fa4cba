package dev.saleskernel.customer;

/** What happens when a new amount would take an account over its credit limit. */
public enum CreditPolicy {
    /** The order or won deal is refused. */
    REFUSE,
    /** It is recorded, and the event says the limit was exceeded. */
    WARN,
    /** It is recorded only with an approval by someone other than the actor (four eyes). */
    REQUIRE_APPROVAL
}
