package dev.saleskernel.target;

import dev.saleskernel.money.Allocation;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;

/**
 * The pure, exact arithmetic of top-down decomposition, over {@code long} amounts in the target's
 * unit. Every split is the largest-remainder method of {@link Allocation#allocate(long, long[])}
 * (ties: larger remainder, then larger weight, then lower index), so parts always sum exactly to
 * the whole. Zero weights are allowed here: a zero-weight part gets 0; if every weight is zero
 * the split is equal.
 */
public final class Decomposer {
    /** Decimal places of explicit weights and seasonality percentages (exact up to 10⁻⁶). */
    public static final int WEIGHT_SCALE = 6;
    /** Largest weight accepted (before scaling), so that sums stay far inside a {@code long}. */
    public static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1_000_000_000_000L);
    private static final int RAMP_SCALE = 4;

    private Decomposer() {
    }

    /**
     * {@code total} in proportion to non-negative weights; zero weights get 0; all zero → equal
     * parts. When the weights together exceed a {@code long}, the same largest-remainder rule runs
     * in {@link BigInteger} ({@link #proportional(long, BigInteger[])}), so no weight sum overflows.
     *
     * @param total any amount except {@link Long#MIN_VALUE}
     */
    public static long[] proportional(long total, long[] weights) {
        int positive = 0;
        long sum = 0;
        boolean sumFits = true;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            if (weight > 0) {
                positive++;
                sumFits &= weight <= Long.MAX_VALUE - sum;
                sum = sumFits ? sum + weight : sum;
            }
        }
        if (!sumFits) {
            BigInteger[] exact = new BigInteger[weights.length];
            for (int i = 0; i < weights.length; i++) {
                exact[i] = BigInteger.valueOf(weights[i]);
            }
            return proportional(total, exact);
        }
        if (positive == weights.length) {
            return Allocation.allocate(total, weights);
        }
        if (positive == 0) {
            return equal(total, weights.length);
        }
        long[] compact = new long[positive];
        for (int i = 0, k = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                compact[k++] = weights[i];
            }
        }
        long[] parts = Allocation.allocate(total, compact);
        long[] result = new long[weights.length];
        for (int i = 0, k = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                result[i] = parts[k++];
            }
        }
        return result;
    }

    /**
     * {@code total} in proportion to non-negative weights of any size, by the same rule as
     * {@link Allocation#allocate(long, long[])}: each part is {@code ⌊|total| × wᵢ ÷ Σw⌋}, the
     * units left over go one each to the largest remainders (ties: larger weight, then lower
     * index), and the sign of {@code total} is applied to every part. Zero weights get 0; all zero
     * → equal parts. Parts sum exactly to {@code total}.
     *
     * @param total any amount except {@link Long#MIN_VALUE}
     */
    public static long[] proportional(long total, BigInteger[] weights) {
        int n = weights.length;
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            sum = sum.add(weight);
        }
        if (sum.signum() == 0) {
            return equal(total, n);
        }
        BigInteger units = BigInteger.valueOf(total).abs();
        long[] parts = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = units.multiply(weights[i]).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = weights[i].signum() == 0 ? BigInteger.ONE.negate() : qr[1];
            allocated += parts[i];
        }
        long leftover = units.longValueExact() - allocated;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : weights[b].compareTo(weights[a]) != 0
                    ? weights[b].compareTo(weights[a]) : Integer.compare(a, b);
        });
        for (int k = 0; k < leftover; k++) {
            parts[order[k]]++;
        }
        if (total < 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }

    /**
     * The bulk form for large trees: a tree in flat arrays, nodes in breadth-first order (the root
     * at 0, each node's children contiguous), every node split over its children by their
     * weights, then every leaf over the periods by {@code periodWeights} (e.g. 12 seasonality
     * weights). The same largest-remainder rule as {@link #proportional}, so the result equals
     * splitting node by node in a {@link TargetPlan}.
     *
     * @param childStart index of each node's first child (ignored for leaves)
     * @param childCount number of children of each node; 0 for leaves
     * @param weights    each node's weight among its siblings (the root's is ignored), non-negative
     * @return the amount of every node, and the cells: leaf {@code k} (k-th leaf in index order)
     *         × period {@code p} at {@code k × periods + p}
     */
    public static TreeDecomposition decomposeTree(long total, int[] childStart, int[] childCount, long[] weights,
                                                  long[] periodWeights) {
        int n = childCount.length;
        long[] amounts = new long[n];
        amounts[0] = total;
        int leaves = 0;
        for (int i = 0; i < n; i++) {
            int count = childCount[i];
            if (count == 0) {
                leaves++;
                continue;
            }
            long[] parts = proportional(amounts[i], java.util.Arrays.copyOfRange(weights, childStart[i], childStart[i] + count));
            System.arraycopy(parts, 0, amounts, childStart[i], count);
        }
        int periods = periodWeights.length;
        long[] cells = new long[Math.multiplyExact(leaves, periods)];
        for (int i = 0, leaf = 0; i < n; i++) {
            if (childCount[i] == 0) {
                System.arraycopy(proportional(amounts[i], periodWeights), 0, cells, leaf * periods, periods);
                leaf++;
            }
        }
        return new TreeDecomposition(amounts, cells, periods);
    }

    /** The result of {@link #decomposeTree}: every node's amount and the leaf × period cells. */
    public record TreeDecomposition(long[] nodeAmounts, long[] cells, int periods) {
    }

    /** {@code total} in {@code n} equal parts, the extra units one each to the lowest indices. */
    public static long[] equal(long total, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("at least one part");
        }
        long[] parts = new long[n];
        long base = total / n;
        long extra = total % n;
        for (int i = 0; i < n; i++) {
            parts[i] = base + (i < Math.abs(extra) ? Long.signum(extra) : 0);
        }
        return parts;
    }

    /**
     * Lock absorption: locked parts keep their value; the unlocked parts share
     * {@code parent − Σ locked} in proportion to {@code basis} (their current values; if those are
     * all zero, {@code fallback}, e.g. the split weights). The caller has checked that the locked
     * parts fit ({@code Σ locked ≤ parent}) and that at least one part is unlocked.
     */
    public static long[] absorb(long parent, long[] current, boolean[] locked, long[] fallback) {
        int n = current.length;
        long lockedSum = 0;
        int unlocked = 0;
        for (int i = 0; i < n; i++) {
            if (locked[i]) {
                lockedSum = Math.addExact(lockedSum, current[i]);
            } else {
                unlocked++;
            }
        }
        if (unlocked == 0) {
            return current.clone();
        }
        long[] basis = new long[unlocked];
        long[] backup = new long[unlocked];
        boolean anyBasis = false;
        for (int i = 0, k = 0; i < n; i++) {
            if (!locked[i]) {
                basis[k] = Math.max(0, current[i]);
                backup[k] = Math.max(0, fallback[i]);
                anyBasis |= basis[k] > 0;
                k++;
            }
        }
        long[] shares = proportional(parent - lockedSum, anyBasis ? basis : backup);
        long[] result = current.clone();
        for (int i = 0, k = 0; i < n; i++) {
            if (!locked[i]) {
                result[i] = shares[k++];
            }
        }
        return result;
    }

    /**
     * The exact integer weights of a strategy for the given children (keys, and periods when the
     * split is over time; {@code nodePeriod} is the period of the node being split), or every
     * reason they cannot be formed.
     */
    public static Validation<Seq<Rejection>, long[]> weights(Strategy strategy, List<String> childKeys,
                                                            List<Optional<Period>> childPeriods,
                                                            Optional<Period> nodePeriod, String subject) {
        int n = childKeys.size();
        if (strategy instanceof Strategy.Equal) {
            long[] ones = new long[n];
            java.util.Arrays.fill(ones, 1);
            return Validation.valid(ones);
        }
        if (strategy instanceof Strategy.Weights w) {
            Checks checks = Checks.start();
            long[] result = new long[n];
            for (int i = 0; i < n; i++) {
                String key = childKeys.get(i);
                BigDecimal weight = w.weights().get(key);
                String field = "weights[" + key + "]";
                checks = checks.require(weight != null, () -> Rejection.of(TargetRejection.WEIGHT_MISSING, subject, field,
                        "no weight for child " + key));
                if (weight != null) {
                    checks = checkDecimal(checks, weight, subject, field);
                    if (weight.signum() >= 0 && weight.compareTo(MAX_WEIGHT) <= 0 && weight.stripTrailingZeros().scale() <= WEIGHT_SCALE) {
                        result[i] = weight.setScale(WEIGHT_SCALE).unscaledValue().longValueExact();
                    }
                }
            }
            return nonZero(checks, result, subject, "weights");
        }
        if (strategy instanceof Strategy.HistoricalShare h) {
            Checks checks = Checks.start();
            long[] result = new long[n];
            for (int i = 0; i < n; i++) {
                String key = childKeys.get(i);
                long actual = h.actuals().getOrDefault(key, 0L);
                checks = checks.require(actual >= 0, () -> Rejection.of(TargetRejection.NEGATIVE_AMOUNT, subject,
                        "actuals[" + key + "]", "historical actuals used as weights must not be negative").withEvidence("actual", actual));
                checks = checks.require(actual <= MAX_WEIGHT.longValue(), () -> Rejection.of(TargetRejection.WEIGHT_OUT_OF_RANGE,
                        subject, "actuals[" + key + "]", "historical actual too large to weigh exactly").withEvidence("actual", actual));
                result[i] = actual;
            }
            return nonZero(checks, result, subject, "actuals");
        }
        if (strategy instanceof Strategy.Seasonality s) {
            return seasonality(s, childPeriods, subject);
        }
        if (strategy instanceof Strategy.Capacity c) {
            return capacity(c, childKeys, nodePeriod, subject);
        }
        throw new IllegalArgumentException("unknown strategy " + strategy);
    }

    private static Checks checkDecimal(Checks checks, BigDecimal weight, String subject, String field) {
        return checks
                .require(weight.signum() >= 0, () -> Rejection.of(TargetRejection.NEGATIVE_AMOUNT, subject, field,
                        "a weight must not be negative").withEvidence("weight", weight))
                .require(weight.compareTo(MAX_WEIGHT) <= 0 && weight.stripTrailingZeros().scale() <= WEIGHT_SCALE,
                        () -> Rejection.of(TargetRejection.WEIGHT_OUT_OF_RANGE, subject, field, "a weight is at most "
                                + MAX_WEIGHT.toPlainString() + " with at most " + WEIGHT_SCALE + " decimal places").withEvidence("weight", weight));
    }

    private static Validation<Seq<Rejection>, long[]> nonZero(Checks checks, long[] weights, String subject, String field) {
        boolean any = false;
        for (long weight : weights) {
            any |= weight > 0;
        }
        boolean anyPositive = any;
        return checks.require(!checks.passed() || anyPositive, () -> Rejection.of(TargetRejection.WEIGHTS_ALL_ZERO, subject, field,
                "every child weighs zero: there is nothing to split by")).thenValid(() -> weights);
    }

    private static Validation<Seq<Rejection>, long[]> seasonality(Strategy.Seasonality s, List<Optional<Period>> childPeriods,
                                                                  String subject) {
        Checks checks = Checks.start();
        BigDecimal sum = BigDecimal.ZERO;
        for (Month month : Month.values()) {
            BigDecimal percent = s.percentages().get(month);
            String field = "percentages[" + month + "]";
            checks = checks.require(percent != null, () -> Rejection.of(TargetRejection.SEASONALITY_NOT_100, subject, field,
                    "no percentage for " + month));
            if (percent != null) {
                checks = checkDecimal(checks, percent, subject, field);
                sum = sum.add(percent);
            }
        }
        BigDecimal total = sum;
        checks = checks.require(total.compareTo(BigDecimal.valueOf(100)) == 0, () -> Rejection.of(
                TargetRejection.SEASONALITY_NOT_100, subject, "percentages", "the monthly percentages must sum to exactly 100")
                .withEvidence("sum", total.toPlainString()));
        checks = checks.require(childPeriods.stream().allMatch(Optional::isPresent), () -> Rejection.of(
                TargetRejection.STRATEGY_NEEDS_PERIODS, subject, "strategy", "seasonality splits over time only"));
        if (!checks.passed()) {
            return checks.thenValid(() -> null);
        }
        long[] result = new long[childPeriods.size()];
        for (int i = 0; i < result.length; i++) {
            Period period = childPeriods.get(i).get();
            BigDecimal weight = BigDecimal.ZERO;
            for (LocalDate d = period.start().withDayOfMonth(1); d.isBefore(period.endExclusive()); d = d.plusMonths(1)) {
                weight = weight.add(s.percentages().get(d.getMonth()));
            }
            result[i] = weight.setScale(WEIGHT_SCALE).unscaledValue().longValueExact();
        }
        return nonZero(checks, result, subject, "percentages");
    }

    private static Validation<Seq<Rejection>, long[]> capacity(Strategy.Capacity c, List<String> childKeys,
                                                               Optional<Period> nodePeriod, String subject) {
        Checks checks = Checks.start()
                .require(nodePeriod.isPresent(), () -> Rejection.of(TargetRejection.STRATEGY_NEEDS_PERIODS, subject, "period",
                        "capacity needs the node's period to prorate seats"))
                .require(c.rampDays() >= 0, () -> Rejection.of(TargetRejection.NEGATIVE_AMOUNT, subject, "rampDays",
                        "ramp days must not be negative"))
                .require(c.rampShare().signum() >= 0 && c.rampShare().compareTo(BigDecimal.ONE) <= 0
                        && c.rampShare().stripTrailingZeros().scale() <= RAMP_SCALE, () -> Rejection.of(
                        TargetRejection.WEIGHT_OUT_OF_RANGE, subject, "rampShare", "the ramp share lies in 0..1 with at most 4 decimals")
                        .withEvidence("rampShare", c.rampShare()));
        for (int i = 0; i < c.seats().size(); i++) {
            Strategy.Seat seat = c.seats().get(i);
            String field = "seats[" + i + "]";
            checks = checks.require(childKeys.contains(seat.childKey()), () -> Rejection.of(TargetRejection.NODE_NOT_FOUND,
                    subject, field, "seat for unknown child " + seat.childKey()));
            checks = checks.require(seat.left().map(l -> l.isAfter(seat.hired())).orElse(true), () -> Rejection.of(
                    TargetRejection.CHILDREN_INVALID, subject, field, "a seat is left after it is hired"));
        }
        if (!checks.passed()) {
            return checks.thenValid(() -> null);
        }
        DateRange period = nodePeriod.get().range();
        long rampUnits = c.rampShare().setScale(RAMP_SCALE).unscaledValue().longValueExact();
        long full = BigInteger.TEN.pow(RAMP_SCALE).longValueExact();
        long[] result = new long[childKeys.size()];
        for (Strategy.Seat seat : c.seats()) {
            LocalDate end = seat.left().orElse(period.endExclusive());
            LocalDate rampEnd = seat.hired().plusDays(c.rampDays());
            long rampDays = days(period, seat.hired(), min(rampEnd, end));
            long fullDays = days(period, max(rampEnd, seat.hired()), end);
            int index = childKeys.indexOf(seat.childKey());
            result[index] += rampDays * rampUnits + fullDays * full;
        }
        return nonZero(checks, result, subject, "seats");
    }

    private static long days(DateRange period, LocalDate from, LocalDate until) {
        if (!until.isAfter(from)) {
            return 0;
        }
        return period.intersection(new DateRange(from, until)).map(DateRange::days).orElse(0L);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
