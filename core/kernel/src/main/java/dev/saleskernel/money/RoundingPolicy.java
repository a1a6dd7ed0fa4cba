package dev.saleskernel.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A declared rounding point: to which scale, and how. Money is rounded nowhere else: a plan or a
 * calculator names the policy it rounds with, and the Javadoc of each operation that takes one
 * says where it is applied.
 *
 * <p>The scale is the currency's minor unit ({@link Currency#getDefaultFractionDigits()}: 2 for
 * CNY, 0 for JPY) unless {@code scaleOverride} declares another one in
 * {@code [-MAX_SCALE, MAX_SCALE]} (e.g. 0 to round to whole yuan, −3 to thousands). The default
 * mode is {@link RoundingMode#HALF_EVEN} (banker's rounding: 0.125 → 0.12, 0.135 → 0.14).
 * {@link RoundingMode#UNNECESSARY} is allowed and makes every rounding an assertion of
 * exactness ({@link ArithmeticException} if digits would be lost).
 *
 * @param mode          how discarded digits are rounded
 * @param scaleOverride the number of decimal places to round to, or empty for the currency's
 *                      minor unit
 */
public record RoundingPolicy(RoundingMode mode, OptionalInt scaleOverride) {
    /** The largest scale magnitude an override may declare. */
    public static final int MAX_SCALE = 18;

    /** HALF_EVEN to the currency's minor unit: the default of every plan. */
    public static final RoundingPolicy DEFAULT = new RoundingPolicy(RoundingMode.HALF_EVEN, OptionalInt.empty());

    /**
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the override lies outside {@code [-MAX_SCALE, MAX_SCALE]}
     */
    public RoundingPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scaleOverride, "scaleOverride");
        if (scaleOverride.isPresent() && Math.abs(scaleOverride.getAsInt()) > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + scaleOverride.getAsInt() + " outside [-" + MAX_SCALE + ", " + MAX_SCALE + "]");
        }
    }

    /** Rounds to the currency's minor unit with {@code mode}. */
    public static RoundingPolicy toMinorUnit(RoundingMode mode) {
        return new RoundingPolicy(mode, OptionalInt.empty());
    }

    /** Rounds to {@code scale} decimal places with {@code mode}, whatever the currency. */
    public static RoundingPolicy toScale(int scale, RoundingMode mode) {
        return new RoundingPolicy(mode, OptionalInt.of(scale));
    }

    /** The number of decimal places this policy rounds {@code currency} amounts to. */
    public int scaleFor(Currency currency) {
        return scaleOverride.isPresent() ? scaleOverride.getAsInt() : Money.minorUnitScale(currency);
    }

    /**
     * {@code money} rounded to {@link #scaleFor(Currency) scaleFor(currency)} decimal places with
     * {@link #mode()}. The result has exactly that scale.
     *
     * @throws ArithmeticException with {@link RoundingMode#UNNECESSARY} when digits would be lost
     */
    public Money round(Money money) {
        return new Money(money.amount().setScale(scaleFor(money.currency()), mode), money.currency());
    }

    /**
     * {@code dividend ÷ divisor} rounded once, to this policy's scale for {@code dividend}'s
     * currency: the exact quotient is computed and rounded a single time (no intermediate
     * rounding), as for a proration {@code amount × days ÷ periodDays}.
     *
     * @throws ArithmeticException if the divisor is zero, or with UNNECESSARY when digits would be lost
     */
    public Money divide(Money dividend, BigDecimal divisor) {
        BigDecimal quotient = dividend.amount().divide(divisor, scaleFor(dividend.currency()), mode);
        return new Money(quotient, dividend.currency());
    }
}
