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

    /** {@code numerator / denominator} rounded HALF_EVEN, for any numerator (never overflows); the denominator must be positive. */
    public static long divideHalfEven(long numerator, long denominator) {
        long quotient = Math.floorDiv(numerator, denominator);
        long remainder = numerator - quotient * denominator; // floorMod without a second division: 0 ≤ remainder < denominator
        long rest = denominator - remainder; // remainder against half the denominator, without doubling (no overflow)
        if (remainder > rest || (remainder == rest && (quotient & 1L) == 1L)) {
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

    /**
     * {@code part ÷ whole} at scale 6, HALF_EVEN, exactly as
     * {@code BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, HALF_EVEN)} (a deal
     * payout's rate); in {@code long} arithmetic when it cannot overflow. The whole must not be zero.
     */
    public static BigDecimal quotient(long part, long whole) {
        if (whole > 0 && whole <= MAX_FAST_DIVISOR && part > -MAX_FAST_PART && part < MAX_FAST_PART) {
            long numerator = part * ONE;
            long quotient = numerator / whole;
            long remainder = numerator - quotient * whole;
            if (remainder < 0) {
                quotient--;
                remainder += whole;
            }
            long twice = remainder * 2;
            if (twice > whole || (twice == whole && (quotient & 1L) == 1L)) {
                quotient++;
            }
            return BigDecimal.valueOf(quotient, 6);
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
    }

    private static final long MAX_FAST_PART = Long.MAX_VALUE / ONE;
    private static final long MAX_FAST_DIVISOR = Long.MAX_VALUE / 2;

    /** Millionths as a percentage for people, trailing zeros dropped: 50,000 → {@code 5%}, 125,000 → {@code 12.5%}. */
    public static String percent(long ppm) {
        if (ppm == Long.MIN_VALUE) {
            return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%";
        }
        long units = Math.abs(ppm);
        StringBuilder out = new StringBuilder(16);
        if (ppm < 0) {
            out.append('-');
        }
        out.append(units / 10_000);
        int fraction = (int) (units % 10_000);
        if (fraction != 0) {
            int digits = 4;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            out.append('.');
            appendPadded(out, fraction, digits);
        }
        return out.append('%').toString();
    }

    /** {@code part / whole} as a percentage at scale 2 HALF_EVEN, e.g. {@code 110.00%}; {@code n/a} when whole is zero. */
    public static String attainment(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        if (whole > 0 && whole <= MAX_FAST_DIVISOR && part > -MAX_FAST_PART && part < MAX_FAST_PART) {
            long hundredths = divideHalfEven(part * 10_000, whole);
            StringBuilder out = new StringBuilder(16);
            if (hundredths < 0) {
                out.append('-');
            }
            long units = Math.abs(hundredths);
            out.append(units / 100).append('.');
            appendPadded(out, (int) (units % 100), 2);
            return out.append('%').toString();
        }
        return BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN)
                .toPlainString() + "%";
    }

    private static void appendPadded(StringBuilder out, int value, int digits) {
        for (int scale = digits - 1; scale >= 0; scale--) {
            int power = 1;
            for (int i = 0; i < scale; i++) {
                power *= 10;
            }
            out.append((char) ('0' + value / power % 10));
        }
    }

    /**
     * An amount in minor units for people with thousands separators, e.g. {@code 11,000.00}
     * (the currency's fraction digits, no symbol).
     */
    public static String amount(long minor, int fractionDigits) {
        return appendAmount(new StringBuilder(32), minor, fractionDigits).toString();
    }

    /**
     * Appends {@link #amount(long, int)}'s text to {@code out} without an intermediate string
     * (explanations are built in one buffer).
     */
    static StringBuilder appendAmount(StringBuilder out, long minor, int fractionDigits) {
        if (minor == Long.MIN_VALUE) {
            return out.append(amountOf("9223372036854775808", true, fractionDigits));
        }
        long units = Math.abs(minor);
        int digits = 1;
        for (long rest = units / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int length = Math.max(digits, fractionDigits + 1);
        int wholeDigits = length - fractionDigits;
        int size = (minor < 0 ? 1 : 0) + wholeDigits + (wholeDigits - 1) / 3 + (fractionDigits > 0 ? fractionDigits + 1 : 0);
        int start = out.length();
        out.setLength(start + size);
        int at = start + size;
        // from the last digit backwards: fraction digits, the point, then the whole part in groups of three
        for (int i = 0; i < length; i++) {
            if (i == fractionDigits && fractionDigits > 0) {
                out.setCharAt(--at, '.');
            } else if (i > fractionDigits && (i - fractionDigits) % 3 == 0) {
                out.setCharAt(--at, ',');
            }
            out.setCharAt(--at, (char) ('0' + units % 10));
            units /= 10;
        }
        if (minor < 0) {
            out.setCharAt(--at, '-');
        }
        return out;
    }

    private static String amountOf(String digits, boolean negative, int fractionDigits) {
        int length = Math.max(digits.length(), fractionDigits + 1);
        int pad = length - digits.length();
        int wholeDigits = length - fractionDigits;
        StringBuilder out = new StringBuilder(length + length / 3 + 2);
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < length; i++) {
            if (i == wholeDigits) {
                out.append('.');
            } else if (i > 0 && i < wholeDigits && (wholeDigits - i) % 3 == 0) {
                out.append(',');
            }
            out.append(i < pad ? '0' : digits.charAt(i - pad));
        }
        return out.toString();
    }
}
