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
        char[] buffer = new char[PERCENT_SIZE];
        int start = writePercent(buffer, PERCENT_SIZE, ppm);
        return new String(buffer, start, PERCENT_SIZE - start);
    }

    /** The longest percentage: a sign, 15 whole digits, the point, 4 fraction digits and {@code %}. */
    private static final int PERCENT_SIZE = 22;

    /**
     * Writes {@link #percent(long)}'s text so that it ends just before {@code end}; returns where it
     * starts. Works on the negated value, so {@link Long#MIN_VALUE} needs no special case.
     */
    private static int writePercent(char[] out, int end, long ppm) {
        int at = end;
        out[--at] = '%';
        long n = ppm < 0 ? ppm : -ppm;
        long wholeNegated = n / 10_000;
        int fraction = (int) (wholeNegated * 10_000 - n);
        if (fraction != 0) {
            int digits = 4;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            for (int i = 0; i < digits; i++) {
                out[--at] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            out[--at] = '.';
        }
        at = writeWhole(out, at, wholeNegated, false);
        if (ppm < 0) {
            out[--at] = '-';
        }
        return at;
    }

    /** {@code part / whole} as a percentage at scale 2 HALF_EVEN, e.g. {@code 110.00%}; {@code n/a} when whole is zero. */
    public static String attainment(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        if (whole > 0 && whole <= MAX_FAST_DIVISOR && part > -MAX_FAST_PART && part < MAX_FAST_PART) {
            long hundredths = divideHalfEven(part * 10_000, whole);
            if (hundredths > -FAST_LIMIT && hundredths < FAST_LIMIT) {
                String sign = hundredths < 0 ? "-" : "";
                long magnitude = Math.abs(hundredths);
                int units = (int) (magnitude / 100);
                int fraction = (int) (magnitude - units * 100L);
                return sign + units + "." + TENS[fraction] + ONES[fraction] + "%";
            }
            // |hundredths| < 10^17: a sign, 15 whole digits, the point, 2 digits and % fit in 20
            char[] buffer = new char[20];
            int at = writeFixed(buffer, 19, hundredths < 0 ? hundredths : -hundredths, 2, false);
            buffer[19] = '%';
            if (hundredths < 0) {
                buffer[--at] = '-';
            }
            return new String(buffer, at, 20 - at);
        }
        return BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN)
                .toPlainString() + "%";
    }

    /**
     * An amount in minor units for people with thousands separators, e.g. {@code 11,000.00}
     * (the currency's fraction digits, no symbol).
     *
     * @param fractionDigits the currency's minor-unit digits, at least 0
     */
    public static String amount(long minor, int fractionDigits) {
        if (fractionDigits == 2 && minor > -FAST_LIMIT && minor < FAST_LIMIT) {
            return hundredths(minor);
        }
        char[] text = new char[amountLength(minor, fractionDigits)];
        writeAmount(text, text.length, minor, fractionDigits);
        return new String(text);
    }

    /** Below this magnitude {@link #hundredths} writes a value in hundredths (its whole part then fits an int below 10^9). */
    private static final long FAST_LIMIT = 100_000_000_000L;

    /**
     * {@code value} in hundredths, |value| &lt; {@link #FAST_LIMIT}, as {@code [-]whole.dd} with the
     * whole part grouped by thousands: concatenated from its digit groups in one expression, so
     * the text is written once into a string of its exact length. Nothing else is concatenated
     * with it: each further argument, even an empty string, costs the concatenation a length,
     * a coder check and a copy.
     */
    private static String hundredths(long value) {
        String sign = value < 0 ? "-" : "";
        long magnitude = Math.abs(value);
        int whole = (int) (magnitude / 100);
        int fraction = (int) (magnitude - whole * 100L);
        char tenth = TENS[fraction];
        char hundredth = ONES[fraction];
        if (whole < 1_000) {
            return sign + whole + "." + tenth + hundredth;
        }
        int thousands = whole / 1_000;
        int units = whole - thousands * 1_000;
        char u1 = (char) ('0' + units / 100);
        char u2 = TENS[units % 100];
        char u3 = ONES[units % 100];
        if (thousands < 1_000) {
            return sign + thousands + "," + u1 + u2 + u3 + "." + tenth + hundredth;
        }
        int millions = thousands / 1_000;
        int rest = thousands - millions * 1_000;
        return sign + millions + "," + (char) ('0' + rest / 100) + TENS[rest % 100] + ONES[rest % 100] + "," + u1 + u2 + u3 + "."
                + tenth + hundredth;
    }

    /** The length of {@link #amount(long, int)}'s text; negative fraction digits throw {@link IllegalArgumentException}. */
    static int amountLength(long minor, int fractionDigits) {
        if (fractionDigits < 0) {
            throw new IllegalArgumentException("fraction digits must not be negative: " + fractionDigits);
        }
        int digits = Math.max(digitsOf(minor), fractionDigits + 1);
        int wholeDigits = digits - fractionDigits;
        return (minor < 0 ? 1 : 0) + digits + (wholeDigits - 1) / 3 + (fractionDigits > 0 ? 1 : 0);
    }

    /** How many decimal digits {@code |value|} has (1 for zero). */
    private static int digitsOf(long value) {
        if (value == Long.MIN_VALUE) {
            return 19;
        }
        long magnitude = Math.abs(value);
        // floor(log10) from the bit length (1233/4096 ≈ log10 2), corrected by one comparison
        int guess = (64 - Long.numberOfLeadingZeros(magnitude | 1)) * 1233 >>> 12;
        return guess + (magnitude < POWERS_OF_TEN[guess] ? 0 : 1);
    }

    /** 10^0 .. 10^18. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * Writes {@link #amount(long, int)}'s text so that it ends just before {@code end} (it takes
     * {@link #amountLength(long, int)} chars); returns where it starts. Digits are written from the
     * last one backwards, on the negated value (so {@link Long#MIN_VALUE} needs no special case),
     * three at a time for the whole part.
     */
    static int writeAmount(char[] out, int end, long minor, int fractionDigits) {
        int at = writeFixed(out, end, minor < 0 ? minor : -minor, fractionDigits, true);
        if (minor < 0) {
            out[--at] = '-';
        }
        return at;
    }

    /**
     * Writes the non-positive {@code negated} value's magnitude with {@code fractionDigits} digits
     * after the point (none and no point when 0) so that it ends just before {@code end}; the whole
     * part has at least one digit and is grouped by thousands when asked. Returns where it starts.
     */
    private static int writeFixed(char[] out, int end, long negated, int fractionDigits, boolean grouped) {
        int at = end;
        long n = negated;
        int left = fractionDigits;
        for (; left >= 2; left -= 2) {
            long q = n / 100;
            int pair = (int) (q * 100 - n);
            out[--at] = ONES[pair];
            out[--at] = TENS[pair];
            n = q;
        }
        if (left == 1) {
            long q = n / 10;
            out[--at] = (char) ('0' + (int) (q * 10 - n));
            n = q;
        }
        if (fractionDigits > 0) {
            out[--at] = '.';
        }
        return writeWhole(out, at, n, grouped);
    }

    /** Writes the non-positive {@code negated} value's magnitude (at least one digit), grouped by thousands when asked. */
    private static int writeWhole(char[] out, int end, long negated, boolean grouped) {
        int at = end;
        long n = negated;
        while (n <= -1000) {
            long q = n / 1000;
            int group = (int) (q * 1000 - n);
            int hundreds = group / 100;
            int pair = group - hundreds * 100;
            out[--at] = ONES[pair];
            out[--at] = TENS[pair];
            out[--at] = (char) ('0' + hundreds);
            if (grouped) {
                out[--at] = ',';
            }
            n = q;
        }
        int rest = (int) -n;
        if (rest >= 100) {
            int hundreds = rest / 100;
            int pair = rest - hundreds * 100;
            out[--at] = ONES[pair];
            out[--at] = TENS[pair];
            out[--at] = (char) ('0' + hundreds);
        } else if (rest >= 10) {
            out[--at] = ONES[rest];
            out[--at] = TENS[rest];
        } else {
            out[--at] = (char) ('0' + rest);
        }
        return at;
    }

    /** The tens and ones digit of 0..99. */
    private static final char[] TENS = new char[100];
    private static final char[] ONES = new char[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (char) ('0' + i / 10);
            ONES[i] = (char) ('0' + i % 10);
        }
    }
}
