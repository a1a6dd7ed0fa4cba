package dev.saleskernel.customer;

/** Where an account stands with us; always computed by {@link LifecycleRules}, never typed in. */
public enum LifecycleStage {
    /** No purchase yet. */
    PROSPECT,
    /** Buying, and nothing says otherwise. */
    ACTIVE,
    /** No purchase for a while, or unhappy. */
    AT_RISK,
    /** No purchase for long. */
    CHURNED
}
