package dev.saleskernel.customer;

/** Why a sweep sent an account back to its pool. */
public enum ReclaimReason {
    /** No qualifying follow-up for the pool's {@code followUpDays}. */
    NO_FOLLOW_UP,
    /** No won deal for the pool's {@code noDealDays}. */
    NO_DEAL,
    /** The protection period ended. */
    PROTECTION_EXPIRED
}
