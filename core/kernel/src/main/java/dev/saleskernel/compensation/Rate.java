package dev.saleskernel.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact arithmetic on rates held as whole millionths ({@code ppm}: 5% = 50,000 ppm = 0.05), the
 * calculator's internal form. Every product rounds once, HALF_EVEN to the minor unit; overflow
 * throws {@link ArithmeticException}, which the calculator turns into
 * {@link CompensationRejection#AMOUNT_TOO_LARGE}.
 */
public final class Rate {
    /** One, in millionths. */
    public static final long ONE = 1_000_000L;

    private Rate() {
    }

    /** {@code amount × ppm / 1,000,000}, rounded HALF_EVEN to a whole minor unit. */
    public static long apply(long amountMinor, long ppm) {
        return divideHalfEven(Math.multiplyExact(amountMinor, ppm), ONE);
    }

    /** {@code numerator / denominator} rounded HALF_EVEN; the denominator must be positive. */
    public static long divideHalfEven(long numerator, long denominator) {
        long quotient = Math.floorDiv(numerator, denominator);
        long remainder = Math.floorMod(numerator, denominator);
        long twice = Math.multiplyExact(remainder, 2L);
        if (twice > denominator || (twice == denominator && (quotient & 1L) == 1L)) {
            quotient++;
        }
        return quotient;
    }

    /** A decimal fraction ({@code 0.05}) as millionths, exact: more than 6 decimal places throws {@link ArithmeticException}. */
    public static long ppm(BigDecimal fraction) {
        return fraction.movePointRight(6).longValueExact();
    }

    /** Millionths as a decimal fraction at scale 6. */
    public static BigDecimal fraction(long ppm) {
        return BigDecimal.valueOf(ppm, 6);
    }

    /** Millionths as a percentage for people, trailing zeros dropped: 50,000 → {@code 5%}, 125,000 → {@code 12.5%}. */
    public static String percent(long ppm) {
        return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%";
    }

    /** {@code part / whole} as a percentage at scale 2 HALF_EVEN, e.g. {@code 110.00%}; {@code n/a} when whole is zero. */
    public static String attainment(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        return BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN)
                .toPlainString() + "%";
    }

    /**
     * An amount in minor units for people with thousands separators, e.g. {@code 11,000.00}
     * (the currency's fraction digits, no symbol).
     */
    public static String amount(long minor, int fractionDigits) {
        StringBuilder out = new StringBuilder(24);
        if (minor < 0) {
            out.append('-');
        }
        String digits = minor == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(minor));
        while (digits.length() <= fractionDigits) {
            digits = "0" + digits;
        }
        String whole = digits.substring(0, digits.length() - fractionDigits);
        int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        out.append(whole, 0, first);
        for (int i = first; i < whole.length(); i += 3) {
            out.append(',').append(whole, i, i + 3);
        }
        if (fractionDigits > 0) {
            out.append('.').append(digits, digits.length() - fractionDigits, digits.length());
        }
        return out.toString();
    }
}
