package dev.saleskernel.compensation.settlement;

/** Where a statement is in its life. */
public enum StatementStatus {
    /** Takes new lines. */
    OPEN,
    /** Proposed for finalisation (draw lines computed); waits for a second person. */
    AWAITING_APPROVAL,
    /** Immutable. */
    FINALISED
}
