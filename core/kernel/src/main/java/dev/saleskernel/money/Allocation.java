package dev.saleskernel.money;

import dev.saleskernel.shared.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Splits an amount into parts proportional to weights by the <b>largest-remainder method</b>,
 * so that no minor unit is created or lost.
 *
 * <p>The rule, for a total of {@code T} units (minor units of the currency, or of the scale a
 * {@link RoundingPolicy} declares) and positive weights {@code w₀ … wₙ₋₁} with sum {@code W}:
 * <ol>
 *   <li>each part first gets {@code floor(T × wᵢ ÷ W)} units (exact integer arithmetic);</li>
 *   <li>the {@code L = T − Σ floor} units left over ({@code 0 ≤ L < n}) go one each to the
 *       parts with the largest remainders {@code (T × wᵢ) mod W};</li>
 *   <li>ties between equal remainders go to the larger weight first, and between equal weights
 *       to the lower index first.</li>
 * </ol>
 * So the parts always sum exactly to {@code T}, each part is within one unit of its exact share
 * {@code T × wᵢ ÷ W} (less than one unit below it, or less than one unit above it), and the
 * result does not depend on the order of the weights: reordering them reorders the parts, and
 * the multiset of (weight, part) pairs stays the same; only among identical weights does the
 * lower index get the extra unit ({@code 100.00} over three equal weights is
 * {@code 33.34, 33.33, 33.33}). Two different weights can have equal remainders ({@code 4} units
 * over weights {@code 1, 3, 2, 2}), which is why the weight, not the index, breaks that tie. A <b>negative total</b> is allocated as
 * its magnitude and every part negated: {@code −100.00} over three equal weights is
 * {@code −33.34, −33.33, −33.33}, the mirror image of the positive case.
 *
 * <p>The total must already be a whole number of units: allocation never rounds. Weights must be
 * positive; a zero or negative weight is programmer misuse ({@link IllegalArgumentException}
 * naming its index). Weights that come from user data are checked first with
 * {@link #checkWeights(java.util.List, String, String)}, which refuses with a
 * {@link MoneyRejection} code per offending weight.
 */
public final class Allocation {
    /**
     * The largest number of integer digits, and of decimal places, a {@code BigDecimal} weight may
     * have; it keeps the exact integer arithmetic small.
     */
    public static final int MAX_WEIGHT_DIGITS = 34;

    private Allocation() {
    }

    /**
     * Splits {@code total} at its currency's minor unit in proportion to {@code weights}, by the
     * largest-remainder rule above. Part {@code i} belongs to weight {@code i}; every part has the
     * minor-unit scale.
     *
     * @throws IllegalArgumentException if there are no weights, a weight is not positive or out of
     *                                  range, or the total is finer than the minor unit
     */
    public static java.util.List<Money> largestRemainder(Money total, java.util.List<BigDecimal> weights) {
        return largestRemainder(total, weights, RoundingPolicy.DEFAULT);
    }

    /**
     * Like {@link #largestRemainder(Money, java.util.List)}, at the scale {@code unit} declares
     * for the total's currency ({@code unit.scaleFor(currency)}); the policy's rounding mode is not
     * used, since allocation never rounds.
     *
     * @throws IllegalArgumentException if there are no weights, a weight is not positive or out of
     *                                  range, or the total is finer than the unit
     */
    public static java.util.List<Money> largestRemainder(Money total, java.util.List<BigDecimal> weights,
                                                         RoundingPolicy unit) {
        Objects.requireNonNull(weights, "weights");
        return allocateMoney(total, integerWeights(weights), unit);
    }

    /**
     * Splits {@code total} at its currency's minor unit in proportion to integer {@code weights}
     * (e.g. days, headcount), by the largest-remainder rule above.
     *
     * @throws IllegalArgumentException if there are no weights, a weight is not positive, or the
     *                                  total is finer than the minor unit
     */
    public static java.util.List<Money> largestRemainder(Money total, long[] weights) {
        return largestRemainder(total, weights, RoundingPolicy.DEFAULT);
    }

    /**
     * Like {@link #largestRemainder(Money, long[])}, at the scale {@code unit} declares for the
     * total's currency.
     *
     * @throws IllegalArgumentException if there are no weights, a weight is not positive, or the
     *                                  total is finer than the unit
     */
    public static java.util.List<Money> largestRemainder(Money total, long[] weights, RoundingPolicy unit) {
        requireWeights(weights);
        BigInteger[] exact = new BigInteger[weights.length];
        for (int i = 0; i < weights.length; i++) {
            exact[i] = BigInteger.valueOf(weights[i]);
        }
        return allocateMoney(total, exact, unit);
    }

    /**
     * The hot-path form over whole minor units: splits {@code total} units by {@code weights}
     * with the same largest-remainder rule, tie-breaks and sign rule as the {@link Money} forms
     * (they give the same parts). Exact integer arithmetic; {@code total × wᵢ} is computed in a
     * {@code long} when it fits ({@link Math#multiplyHigh} tells) and in {@link BigInteger} only
     * when it does not. Allocates only a few primitive arrays (the result and working arrays of
     * remainders), no object per element.
     *
     * @param total   the amount in minor units, any sign except {@link Long#MIN_VALUE}
     * @param weights positive weights; their sum must fit in a {@code long}
     * @return the parts in minor units, part {@code i} for weight {@code i}, summing to {@code total}
     * @throws IllegalArgumentException if there are no weights or a weight is not positive
     * @throws ArithmeticException      if the sum of the weights overflows, or total is {@code Long.MIN_VALUE}
     */
    public static long[] allocate(long total, long[] weights) {
        requireWeights(weights);
        long sum = 0;
        for (long weight : weights) {
            sum = Math.addExact(sum, weight);
        }
        long units = Math.absExact(total);
        int n = weights.length;
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            long high = Math.multiplyHigh(units, weights[i]);
            long low = units * weights[i];
            if (high == 0 && low >= 0) {
                parts[i] = low / sum;
                remainders[i] = low % sum;
            } else {
                BigInteger[] qr = BigInteger.valueOf(units).multiply(BigInteger.valueOf(weights[i]))
                        .divideAndRemainder(BigInteger.valueOf(sum));
                parts[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            }
            allocated += parts[i];
        }
        int leftover = (int) (units - allocated);
        if (leftover > 0) {
            giveOneUnitEachToLargestRemainders(parts, remainders, weights, leftover);
        }
        if (total < 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }

    private static void giveOneUnitEachToLargestRemainders(long[] parts, long[] remainders, long[] weights, int leftover) {
        int n = parts.length;
        long thresholdRemainder = kthLargest(remainders, leftover);
        int tied = 0;
        for (int i = 0; i < n; i++) {
            if (remainders[i] > thresholdRemainder) {
                parts[i]++;
                leftover--;
            } else if (remainders[i] == thresholdRemainder) {
                tied++;
            }
        }
        long[] tiedWeights = new long[tied];
        for (int i = 0, t = 0; i < n; i++) {
            if (remainders[i] == thresholdRemainder) {
                tiedWeights[t++] = weights[i];
            }
        }
        long thresholdWeight = kthLargest(tiedWeights, leftover);
        for (int i = 0; i < n && leftover > 0; i++) {
            if (remainders[i] == thresholdRemainder && weights[i] > thresholdWeight) {
                parts[i]++;
                leftover--;
            }
        }
        for (int i = 0; i < n && leftover > 0; i++) {
            if (remainders[i] == thresholdRemainder && weights[i] == thresholdWeight) {
                parts[i]++;
                leftover--;
            }
        }
    }

    private static long kthLargest(long[] values, int k) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }

    /**
     * Checks weights that come from user data, reporting every offending weight at once: no
     * weights ({@link MoneyRejection#WEIGHTS_EMPTY}), a null weight
     * ({@link MoneyRejection#WEIGHT_MISSING}), a zero or negative weight
     * ({@link MoneyRejection#WEIGHT_NOT_POSITIVE}), a weight with more than
     * {@link #MAX_WEIGHT_DIGITS} integer digits or decimal places
     * ({@link MoneyRejection#WEIGHT_OUT_OF_RANGE}). Each rejection names the field
     * {@code field[i]}, e.g. {@code weights[3]}. Computed from precision and scale only.
     *
     * @param subject what the weights belong to, e.g. {@code pool:p-7}
     * @param field   the weights' field name, e.g. {@code weights}
     * @return the same weights, or every reason they are refused
     */
    public static Validation<Seq<Rejection>, java.util.List<BigDecimal>> checkWeights(
            java.util.List<BigDecimal> weights, String subject, String field) {
        if (weights == null || weights.isEmpty()) {
            return Validation.invalid(List.of(Rejection.of(MoneyRejection.WEIGHTS_EMPTY, subject, field,
                    "an allocation needs at least one weight")));
        }
        List<Rejection> reasons = List.empty();
        for (int i = 0; i < weights.size(); i++) {
            String at = field + "[" + i + "]";
            BigDecimal weight = weights.get(i);
            if (weight == null) {
                reasons = reasons.append(Rejection.of(MoneyRejection.WEIGHT_MISSING, subject, at, "weight " + i + " is missing"));
            } else if (weight.signum() <= 0) {
                reasons = reasons.append(Rejection.of(MoneyRejection.WEIGHT_NOT_POSITIVE, subject, at,
                        "weight " + i + " must be greater than zero").withEvidence("weight", weight));
            } else if (!inRange(weight)) {
                reasons = reasons.append(Rejection.of(MoneyRejection.WEIGHT_OUT_OF_RANGE, subject, at,
                                "weight " + i + " has more than " + MAX_WEIGHT_DIGITS + " integer digits or decimal places")
                        .withEvidence("precision", weight.precision()).withEvidence("scale", weight.scale()));
            }
        }
        return reasons.isEmpty() ? Validation.valid(weights) : Validation.invalid(reasons);
    }

    private static boolean inRange(BigDecimal weight) {
        return weight.scale() <= MAX_WEIGHT_DIGITS && (long) weight.precision() - weight.scale() <= MAX_WEIGHT_DIGITS;
    }

    private static BigInteger[] integerWeights(java.util.List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("an allocation needs at least one weight");
        }
        int commonScale = 0;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal weight = weights.get(i);
            if (weight == null) {
                throw new NullPointerException("weights[" + i + "]");
            }
            requirePositive(weight.signum(), i, weight);
            if (!inRange(weight)) {
                throw new IllegalArgumentException("weights[" + i + "] has more than " + MAX_WEIGHT_DIGITS
                        + " integer digits or decimal places (precision " + weight.precision() + ", scale " + weight.scale() + ")");
            }
            commonScale = Math.max(commonScale, weight.scale());
        }
        BigInteger[] exact = new BigInteger[weights.size()];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = weights.get(i).setScale(commonScale).unscaledValue();
        }
        return exact;
    }

    private static void requireWeights(long[] weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length == 0) {
            throw new IllegalArgumentException("an allocation needs at least one weight");
        }
        for (int i = 0; i < weights.length; i++) {
            requirePositive(Long.signum(weights[i]), i, weights[i]);
        }
    }

    private static void requirePositive(int signum, int index, Object weight) {
        if (signum <= 0) {
            throw new IllegalArgumentException("weights[" + index + "] must be greater than zero, was " + weight);
        }
    }

    private static java.util.List<Money> allocateMoney(Money total, BigInteger[] weights, RoundingPolicy unit) {
        Objects.requireNonNull(total, "total");
        int scale = unit.scaleFor(total.currency());
        BigDecimal scaled = total.amount().movePointRight(scale);
        if (scaled.signum() != 0 && scaled.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(total + " is finer than the allocation unit (scale " + scale
                    + "); round it through a RoundingPolicy first");
        }
        BigInteger[] parts = allocateUnits(scaled.toBigIntegerExact(), weights);
        java.util.List<Money> result = new ArrayList<>(parts.length);
        for (BigInteger part : parts) {
            result.add(new Money(new BigDecimal(part, scale), total.currency()));
        }
        return java.util.List.copyOf(result);
    }

    private static BigInteger[] allocateUnits(BigInteger total, BigInteger[] weights) {
        BigInteger units = total.abs();
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger weight : weights) {
            sum = sum.add(weight);
        }
        int n = weights.length;
        BigInteger[] parts = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger allocated = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = units.multiply(weights[i]).divideAndRemainder(sum);
            parts[i] = qr[0];
            remainders[i] = qr[1];
            allocated = allocated.add(qr[0]);
        }
        int leftover = units.subtract(allocated).intValueExact();
        if (leftover > 0) {
            giveOneUnitEachToLargestRemainders(parts, remainders, weights, leftover);
        }
        if (total.signum() < 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = parts[i].negate();
            }
        }
        return parts;
    }

    private static void giveOneUnitEachToLargestRemainders(BigInteger[] parts, BigInteger[] remainders,
                                                           BigInteger[] weights, int leftover) {
        int n = parts.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Comparator<Integer> byRemainder = Comparator.comparing(i -> remainders[i]);
        Comparator<Integer> byWeight = Comparator.comparing(i -> weights[i]);
        Arrays.sort(order, byRemainder.reversed().thenComparing(byWeight.reversed()).thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < leftover; k++) {
            parts[order[k]] = parts[order[k]].add(BigInteger.ONE);
        }
    }
}
