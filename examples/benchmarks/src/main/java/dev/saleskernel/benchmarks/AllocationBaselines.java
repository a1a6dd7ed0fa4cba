package dev.saleskernel.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * Plain hand-written largest-remainder allocations, the yardsticks for the library's: what a
 * careful developer would write without the library. Same tie-break as the library: larger
 * remainder, then larger weight, then lower index.
 */
public final class AllocationBaselines {
    private AllocationBaselines() {
    }

    /** Exact {@code long} arithmetic; assumes total × weight fits in a long (true for the benchmark's inputs). */
    public static long[] longLargestRemainder(long total, long[] weights) {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        int n = weights.length;
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            long high = Math.multiplyHigh(total, weights[i]);
            long low = total * weights[i];
            if (high != 0 || low < 0) {
                java.math.BigInteger product = java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(weights[i]));
                java.math.BigInteger[] qr = product.divideAndRemainder(java.math.BigInteger.valueOf(sum));
                parts[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            } else {
                parts[i] = low / sum;
                remainders[i] = low % sum;
            }
            allocated += parts[i];
        }
        distribute(total - allocated, parts, remainders, weights);
        return parts;
    }

    /** Idiomatic {@code BigDecimal}: share = total × w ÷ Σw truncated at the scale, then the leftover units by remainder. */
    public static BigDecimal[] bigDecimalLargestRemainder(BigDecimal total, List<BigDecimal> weights, int scale,
                                                          RoundingMode truncation) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            sum = sum.add(w);
        }
        int n = weights.size();
        BigDecimal[] parts = new BigDecimal[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = total.multiply(weights.get(i));
            BigDecimal part = exact.divide(sum, scale, truncation);
            parts[i] = part;
            remainders[i] = exact.subtract(part.multiply(sum));
            allocated = allocated.add(part);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        int leftover = total.subtract(allocated).divide(unit).intValueExact();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            if (byRemainder != 0) {
                return byRemainder;
            }
            int byWeight = weights.get(b).compareTo(weights.get(a));
            return byWeight != 0 ? byWeight : Integer.compare(a, b);
        });
        for (int k = 0; k < leftover; k++) {
            parts[order[k]] = parts[order[k]].add(unit);
        }
        return parts;
    }

    private static void distribute(long leftover, long[] parts, long[] remainders, long[] weights) {
        int n = parts.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byRemainder = Long.compare(remainders[b], remainders[a]);
            if (byRemainder != 0) {
                return byRemainder;
            }
            int byWeight = Long.compare(weights[b], weights[a]);
            return byWeight != 0 ? byWeight : Integer.compare(a, b);
        });
        for (int k = 0; k < leftover; k++) {
            parts[order[k]]++;
        }
    }
}
