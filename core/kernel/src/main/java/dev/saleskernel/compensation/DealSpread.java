package dev.saleskernel.compensation;

import dev.saleskernel.money.Allocation;
import java.util.Arrays;

/**
 * The calculator's deal attribution: a participant's component amount split over the deals with
 * positive weight by the largest-remainder method, in place in a run-wide array of deal payouts.
 * Holds reusable scratch arrays, so one instance serves one run on one thread.
 */
final class DealSpread {
    /** The remainder recorded for a deal with no positive weight: below every real remainder. */
    private static final long NOT_SHARING = -1;
    /** At most 2^10 buckets for {@link #threshold}. */
    private static final int MAX_BUCKET_BITS = 10;
    private long[] remainders = new long[64];
    private int[] bucketCounts = new int[64];
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
        // floor(units × w ÷ sum) by a multiplication with floor((2^64 − 1) ÷ sum) instead of a
        // division per deal: the estimate is never above the quotient and at most two below it
        long inverse = sum == 1 ? 0 : Long.divideUnsigned(-1L, sum);
        long allocated = 0;
        for (int d = from; d < to; d++) {
            long w = weights[d];
            if (w <= 0) {
                remainders[d - from] = NOT_SHARING;
                continue;
            }
            long high = Math.multiplyHigh(units, w);
            long low = units * w;
            if (high != 0 || low < 0) {
                return spreadByAllocation(amount, weights, from, to, payouts);
            }
            long quotient = sum == 1 ? low : Math.multiplyHigh(low, inverse);
            long remainder = low - quotient * sum;
            while (remainder >= sum) {
                quotient++;
                remainder -= sum;
            }
            payouts[d] = quotient;
            remainders[d - from] = remainder;
            allocated += quotient;
        }
        long leftover = units - allocated;
        if (leftover > 0) {
            // the smallest remainder still rounded up: the leftover-th largest; every larger one
            // gets a unit, and the units left go to the tied ones by weight, then deal order
            long threshold = threshold(n, leftover, inverse);
            int tied = 0;
            for (int d = from; d < to; d++) {
                long remainder = remainders[d - from];
                int up = remainder > threshold ? 1 : 0;
                payouts[d] += up;
                leftover -= up;
                tied += remainder == threshold ? 1 : 0;
            }
            if (tied == leftover) {
                for (int d = from; d < to; d++) {
                    payouts[d] += remainders[d - from] == threshold ? 1 : 0;
                }
            } else {
                giveTiedByWeight(weights, from, to, payouts, threshold, leftover);
            }
        }
        if (amount < 0) {
            for (int d = from; d < to; d++) {
                payouts[d] = -payouts[d];
            }
        }
        return true;
    }

    /**
     * The {@code leftover}-th largest of the remainders in {@code remainders[0, n)} (those of
     * deals not sharing are below zero and skipped). Remainders are below {@code sum}, so
     * {@code remainder × inverse}, as an unsigned product, is below 2^64 and grows with the
     * remainder: its top bits put each remainder in one of about as many buckets as there are
     * remainders, in order. Counting them finds the bucket the answer is in; only that bucket's
     * few remainders are then compared.
     */
    private long threshold(int n, long leftover, long inverse) {
        int bits = Math.min(MAX_BUCKET_BITS, 32 - Integer.numberOfLeadingZeros(n));
        int buckets = 1 << bits;
        int shift = Long.SIZE - bits;
        if (bucketCounts.length < buckets) {
            bucketCounts = new int[buckets];
        } else {
            Arrays.fill(bucketCounts, 0, buckets, 0);
        }
        for (int i = 0; i < n; i++) {
            long remainder = remainders[i];
            if (remainder >= 0) {
                bucketCounts[(int) ((remainder * inverse) >>> shift)]++;
            }
        }
        int bucket = buckets - 1;
        long above = 0;
        while (above + bucketCounts[bucket] < leftover) {
            above += bucketCounts[bucket];
            bucket--;
        }
        int inBucket = 0;
        for (int i = 0; i < n; i++) {
            long remainder = remainders[i];
            if (remainder >= 0 && (int) ((remainder * inverse) >>> shift) == bucket) {
                scratch[inBucket++] = remainder;
            }
        }
        return kthSmallest(scratch, inBucket, inBucket - (int) (leftover - above));
    }

    /** Fewer units than tied remainders: the larger weights first, then the earlier deals. */
    private void giveTiedByWeight(long[] weights, int from, int to, long[] payouts, long threshold, long leftover) {
        int tied = 0;
        for (int d = from; d < to; d++) {
            if (remainders[d - from] == threshold) {
                scratch[tied++] = weights[d];
            }
        }
        long thresholdWeight = kthSmallest(scratch, tied, tied - (int) leftover);
        for (int d = from; d < to && leftover > 0; d++) {
            if (remainders[d - from] == threshold && weights[d] > thresholdWeight) {
                payouts[d]++;
                leftover--;
            }
        }
        for (int d = from; d < to && leftover > 0; d++) {
            if (remainders[d - from] == threshold && weights[d] == thresholdWeight) {
                payouts[d]++;
                leftover--;
            }
        }
    }

    /** Below this many values, {@link #kthSmallest} finds the value by counting. */
    private static final int COUNTING_BELOW = 17;

    /**
     * The value that would stand at index {@code k} if {@code values[0, n)} were sorted ascending
     * (quickselect with a median-of-three pivot, expected linear time, then counting among the last
     * few); reorders those values.
     */
    static long kthSmallest(long[] values, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi - lo >= COUNTING_BELOW) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < values[lo]) {
                swap(values, lo, mid);
            }
            if (values[hi] < values[lo]) {
                swap(values, lo, hi);
            }
            if (values[hi] < values[mid]) {
                swap(values, mid, hi);
            }
            long pivot = values[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(values, i++, j--);
                }
            }
            // now [lo, j] ≤ pivot ≤ [i, hi], and anything strictly between j and i equals the pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        // a few values left: the one with exactly k − lo smaller values (counting, no branches to mispredict)
        for (int i = lo; ; i++) {
            long value = values[i];
            int smaller = 0;
            int equal = 0;
            for (int j = lo; j <= hi; j++) {
                smaller += values[j] < value ? 1 : 0;
                equal += values[j] == value ? 1 : 0;
            }
            if (smaller <= k - lo && k - lo < smaller + equal) {
                return value;
            }
        }
    }

    private static void swap(long[] values, int i, int j) {
        long value = values[i];
        values[i] = values[j];
        values[j] = value;
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
