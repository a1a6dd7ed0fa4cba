package dev.saleskernel.compensation;

/**
 * The transaction event a credit comes from. A plan earns on one of {@link #BOOKING},
 * {@link #INVOICE} or {@link #PAYMENT} ({@link PlanVersion#creditOn()}); {@link #RETURN} and
 * {@link #CANCELLATION} are reversals and always count, negatively, whatever the plan earns on.
 */
public enum CreditEvent {
    BOOKING, INVOICE, PAYMENT, RETURN, CANCELLATION;

    /** Whether the event reverses earlier credit (its credited amount is negative). */
    public boolean reversal() {
        return this == RETURN || this == CANCELLATION;
    }

    /** The name used in plan JSON, e.g. {@code booking}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
