package dev.saleskernel.budget;

/**
 * Budget against use for a line or any sum of lines, in minor units of the budget's currency.
 * {@code remaining = budget − committed − actual}; it is negative when a WARN or IGNORE policy
 * let spend cross the budget.
 *
 * @param budget    the budget
 * @param committed the open commitments (recorded, not yet released or converted)
 * @param actual    the actual spend (including converted commitments)
 */
public record Figures(long budget, long committed, long actual) {
    public static final Figures ZERO = new Figures(0, 0, 0);

    /** {@code committed + actual}. */
    public long used() {
        return committed + actual;
    }

    /** {@code budget − committed − actual}. */
    public long remaining() {
        return budget - committed - actual;
    }

    /** The component-wise sum. */
    public Figures plus(Figures other) {
        return new Figures(Math.addExact(budget, other.budget), Math.addExact(committed, other.committed),
                Math.addExact(actual, other.actual));
    }
}
