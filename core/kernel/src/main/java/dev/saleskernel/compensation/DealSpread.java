package dev.saleskernel.compensation;

import dev.saleskernel.money.Allocation;
import java.util.Arrays;

/**
 * The calculator's deal attribution: a participant's component amount split over the deals with
 * positive weight by the largest-remainder method, in place in a run-wide array of deal payouts.
 * Holds reusable scratch arrays, so one instance serves one run on one thread.
 */
final class DealSpread {
    private long[] remainders = new long[64];
    private long[] scratch = new long[64];

    /**
     * Splits {@code amount} over the deals {@code [from, to)} with positive weight, into
     * {@code payouts}: exactly {@link Allocation#allocate(long, long[])} on the positive
     * weights (same parts, same tie-breaks: larger remainder, then larger weight, then the
     * earlier deal), computed in place with reused scratch arrays; products that do not fit
     * in a {@code long} go to {@link Allocation} itself.
     */
    boolean spread(long amount, long[] weights, int from, int to, long[] payouts) {
        if (amount == 0) {
            return false;
        }
        long sum = 0;
        for (int d = from; d < to; d++) {
            if (weights[d] > 0) {
                sum = Math.addExact(sum, weights[d]);
            }
        }
        if (sum == 0) {
            return false;
        }
        long units = Math.absExact(amount);
        int n = to - from;
        if (remainders.length < n) {
            remainders = new long[Math.max(n, remainders.length * 2)];
            scratch = new long[remainders.length];
        }
        long allocated = 0;
        for (int d = from; d < to; d++) {
            long w = weights[d];
            if (w <= 0) {
                continue;
            }
            long high = Math.multiplyHigh(units, w);
            long low = units * w;
            if (high != 0 || low < 0) {
                return spreadByAllocation(amount, weights, from, to, payouts);
            }
            payouts[d] = low / sum;
            remainders[d - from] = low % sum;
            allocated += payouts[d];
        }
        long leftover = units - allocated;
        if (leftover > 0) {
            int k = 0;
            for (int d = from; d < to; d++) {
                if (weights[d] > 0) {
                    scratch[k++] = remainders[d - from];
                }
            }
            Arrays.sort(scratch, 0, k);
            long threshold = scratch[k - (int) leftover];
            int tied = 0;
            for (int d = from; d < to; d++) {
                if (weights[d] > 0) {
                    if (remainders[d - from] > threshold) {
                        payouts[d]++;
                        leftover--;
                    } else if (remainders[d - from] == threshold) {
                        scratch[tied++] = weights[d];
                    }
                }
            }
            Arrays.sort(scratch, 0, tied);
            long thresholdWeight = scratch[tied - (int) leftover];
            for (int d = from; d < to && leftover > 0; d++) {
                if (weights[d] > 0 && remainders[d - from] == threshold && weights[d] > thresholdWeight) {
                    payouts[d]++;
                    leftover--;
                }
            }
            for (int d = from; d < to && leftover > 0; d++) {
                if (weights[d] > 0 && remainders[d - from] == threshold && weights[d] == thresholdWeight) {
                    payouts[d]++;
                    leftover--;
                }
            }
        }
        if (amount < 0) {
            for (int d = from; d < to; d++) {
                payouts[d] = -payouts[d];
            }
        }
        return true;
    }

    private static boolean spreadByAllocation(long amount, long[] weights, int from, int to, long[] payouts) {
        int positive = 0;
        for (int d = from; d < to; d++) {
            if (weights[d] > 0) {
                positive++;
            }
        }
        if (positive == 0) {
            return false;
        }
        long[] w = new long[positive];
        for (int d = from, k = 0; d < to; d++) {
            if (weights[d] > 0) {
                w[k++] = weights[d];
            }
        }
        long[] parts = Allocation.allocate(amount, w);
        for (int d = from, k = 0; d < to; d++) {
            if (weights[d] > 0) {
                payouts[d] = parts[k++];
            }
        }
        return true;
    }
}
