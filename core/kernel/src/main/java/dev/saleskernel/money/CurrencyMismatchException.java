package dev.saleskernel.money;

import java.util.Currency;
import java.util.Objects;

/**
 * Thrown when two amounts in different currencies are combined or compared. This is programmer
 * misuse, not a business refusal: amounts in different currencies are only brought together
 * through an explicit, dated {@link Conversion#convert conversion}.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
    private final transient Currency expected;
    private final transient Currency actual;

    /**
     * @param expected the currency of the left-hand operand
     * @param actual   the currency of the right-hand operand
     */
    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency mismatch: " + Objects.requireNonNull(expected, "expected").getCurrencyCode()
                + " vs " + Objects.requireNonNull(actual, "actual").getCurrencyCode());
        this.expected = expected;
        this.actual = actual;
    }

    /** The currency of the left-hand operand. */
    public Currency expected() {
        return expected;
    }

    /** The currency of the right-hand operand. */
    public Currency actual() {
        return actual;
    }
}
