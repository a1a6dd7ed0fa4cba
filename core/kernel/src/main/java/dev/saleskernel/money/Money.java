package dev.saleskernel.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact decimal amount in one currency.
 *
 * <p>Units: {@code amount} is in the currency's major unit (yuan, euro), at any scale. No
 * operation here rounds: {@link #plus}, {@link #minus}, {@link #negate} and {@link #times} are
 * exact, and the result of {@code times} keeps every decimal place. Rounding happens only at
 * declared points, through a {@link RoundingPolicy}; splitting happens only through
 * {@link Allocation largest-remainder allocation}. There is no {@code double} or {@code float}
 * anywhere on this type.
 *
 * <p>Equality and {@link #hashCode()} ignore scale: {@code 1.0 CNY} equals {@code 1.00 CNY}.
 * Combining or comparing amounts in different currencies throws {@link CurrencyMismatchException}.
 *
 * <p>Structural bound: the amount's scale lies in {@code [-MAX_DIGITS, MAX_DIGITS]} and it has at
 * most {@link #MAX_DIGITS} integer digits, so no value can make {@link #toString()} or a later
 * {@code setScale} expensive. Amounts from outside are checked far more strictly by
 * {@link AmountInput}.
 *
 * @param amount   the exact amount in major units
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** The largest scale magnitude and the largest count of integer digits an amount may have. */
    public static final int MAX_DIGITS = 1000;

    /**
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the amount lies outside the structural bound
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (Math.abs((long) amount.scale()) > MAX_DIGITS
                || (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_DIGITS)) {
            throw new IllegalArgumentException("amount out of range: scale " + amount.scale()
                    + ", precision " + amount.precision() + " (at most " + MAX_DIGITS + " digits either side)");
        }
    }

    /** The amount, exactly as given. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Parses a decimal amount written by a programmer, e.g. {@code Money.of("1200.00", CNY)}. The
     * text must pass {@link AmountInput#decimal(String, String, String)} (length, magnitude,
     * precision); it may be finer than the currency's minor unit. Use {@link AmountInput} for
     * amounts that come from users or files, to get refusals instead of exceptions.
     *
     * @throws IllegalArgumentException if the text is refused
     */
    public static Money of(String amount, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        BigDecimal value = AmountInput.decimal(amount, "amount", "").toEither()
                .getOrElseThrow(rejection -> new IllegalArgumentException(rejection.toString()));
        return new Money(value, currency);
    }

    /** Zero at the currency's minor-unit scale, e.g. {@code 0.00 CNY}. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.valueOf(0, minorUnitScale(currency)), currency);
    }

    /**
     * The amount of {@code minorUnits} minor units (fen, cents): {@code ofMinor(1234, CNY)} is
     * {@code 12.34 CNY}, at the currency's minor-unit scale.
     */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, minorUnitScale(currency)), currency);
    }

    /**
     * The number of decimal places of the currency's minor unit (2 for CNY, 0 for JPY, 3 for KWD).
     *
     * @throws IllegalArgumentException for pseudo-currencies without a minor unit (XAU, XXX)
     */
    public static int minorUnitScale(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode()
                    + " has no minor unit; declare a scale in a RoundingPolicy");
        }
        return digits;
    }

    /**
     * {@code this + other}, exact.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * {@code this - other}, exact.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** {@code -this}, exact. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** {@code |this|}, exact. */
    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    /**
     * {@code this × factor}, exact and unrounded: the result's scale is the sum of both scales
     * (1.25 CNY × 0.035 = 0.04375 CNY). Round it through a {@link RoundingPolicy} where the plan
     * declares a rounding point.
     */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(Objects.requireNonNull(factor, "factor")), currency);
    }

    /** {@code this × factor}, exact. */
    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /**
     * Splits this amount by weights with the largest-remainder method at the currency's minor
     * unit; the parts sum exactly to this amount. See {@link Allocation#largestRemainder(Money, List)}.
     */
    public List<Money> allocate(List<BigDecimal> weights) {
        return Allocation.largestRemainder(this, weights);
    }

    /**
     * Compares amounts of the same currency by value, ignoring scale.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /**
     * Whether {@code this > other}.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Whether {@code this < other}.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** −1, 0 or 1 as the amount is negative, zero or positive. */
    public int signum() {
        return amount.signum();
    }

    /** Whether the amount is zero (at any scale). */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the amount is greater than zero. */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether the amount is less than zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Whether the amount is a whole number of the currency's minor units (12.340 CNY is, 12.345 is not). */
    public boolean isAtMinorUnit() {
        return amount.signum() == 0 || amount.stripTrailingZeros().scale() <= minorUnitScale(currency);
    }

    /**
     * The exact amount in minor units: {@code 12.34 CNY → 1234}, {@code 500 JPY → 500}. Never
     * rounds.
     *
     * @throws ArithmeticException if the amount is finer than the minor unit (round it first
     *                             through a {@link RoundingPolicy}) or does not fit in a {@code long}
     */
    public long toMinorUnits() {
        if (!isAtMinorUnit()) {
            throw new ArithmeticException(this + " is finer than the minor unit of " + currency.getCurrencyCode()
                    + "; round it through a RoundingPolicy first");
        }
        if ((long) amount.precision() - amount.scale() + minorUnitScale(currency) > 19) {
            throw new ArithmeticException(this + " does not fit in a long number of minor units");
        }
        try {
            return amount.movePointRight(minorUnitScale(currency)).longValueExact();
        } catch (ArithmeticException overflow) {
            throw new ArithmeticException(this + " does not fit in a long number of minor units");
        }
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** Equal when the currencies are equal and the amounts are numerically equal, whatever their scale. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Money that && currency.equals(that.currency) && amount.compareTo(that.amount) == 0;
    }

    /** Consistent with {@link #equals}: computed from the amount without trailing zeros. */
    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
    }

    /** The plain amount and the currency code, e.g. {@code 1200.00 CNY}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
