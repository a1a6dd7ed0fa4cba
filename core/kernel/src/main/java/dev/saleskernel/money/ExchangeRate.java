package dev.saleskernel.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * A dated exchange rate: from {@code effectiveFrom} on, one unit of {@code from} is worth
 * {@code rate} units of {@code to} (major units: {@code USD→CNY 7.1234} means 1 USD = 7.1234 CNY),
 * until a later-dated rate for the same pair takes over.
 *
 * <p>A rate is directional. Converting {@code to → from} needs its own dated rate, or an explicit
 * {@link #inverse()}; nothing inverts a rate silently.
 *
 * @param from          the source currency
 * @param to            the target currency, different from {@code from}
 * @param rate          units of {@code to} per unit of {@code from}; positive, at most
 *                      {@link #MAX_INTEGER_DIGITS} integer digits and {@link #MAX_SCALE} decimal places
 * @param effectiveFrom the first day the rate applies
 */
public record ExchangeRate(Currency from, Currency to, BigDecimal rate, LocalDate effectiveFrom) {
    /** The most integer digits a rate may have. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most decimal places a rate may have. */
    public static final int MAX_SCALE = 60;

    /**
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the currencies are equal or the rate is not positive or
     *                                  out of range
     */
    public ExchangeRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an exchange rate needs two different currencies, got " + from + " twice");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("exchange rate " + from + "→" + to + " must be positive, was " + rate);
        }
        if (rate.scale() > MAX_SCALE || (long) rate.precision() - rate.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("exchange rate " + from + "→" + to + " out of range: precision "
                    + rate.precision() + ", scale " + rate.scale());
        }
    }

    /** A rate of {@code rate} units of {@code to} per {@code from}, effective from {@code effectiveFrom}. */
    public static ExchangeRate of(Currency from, Currency to, String rate, LocalDate effectiveFrom) {
        return new ExchangeRate(from, to, new BigDecimal(rate), effectiveFrom);
    }

    /**
     * The explicit inverse {@code to → from}, effective from the same day: {@code 1 ÷ rate} to 34
     * significant digits, HALF_EVEN ({@link MathContext#DECIMAL128}), trailing zeros removed. The
     * inverse of an inverse is therefore not always the original rate to the last digit.
     */
    public ExchangeRate inverse() {
        BigDecimal inverted = BigDecimal.ONE.divide(rate, MathContext.DECIMAL128).stripTrailingZeros();
        return new ExchangeRate(to, from, inverted.scale() < 0 ? inverted.setScale(0) : inverted, effectiveFrom);
    }
}
