package dev.saleskernel.risk;

/** Where a finding is in its lifecycle: open → acknowledged → resolved or expired. */
public enum FindingStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, EXPIRED;

    /** Whether the finding still needs attention (open or acknowledged). */
    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
