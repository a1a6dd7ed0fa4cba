package dev.saleskernel.funnel.analytics;

import java.time.Instant;
import java.util.Arrays;

/**
 * Which opportunities a report looks at: the cohort created in {@code [createdFrom, createdTo)}
 * (epoch seconds), optionally only one code per dimension (−1 = any).
 *
 * @param createdFrom first epoch second of the cohort, inclusive
 * @param createdTo   last epoch second of the cohort, exclusive
 * @param codes       per {@link FunnelData.Dimension} (in its order), the one code to keep, or −1
 */
public record FunnelCut(long createdFrom, long createdTo, int[] codes) {
    public FunnelCut {
        if (codes.length != FunnelData.Dimension.values().length) {
            throw new IllegalArgumentException("one code per dimension");
        }
        codes = codes.clone();
    }

    /** Every opportunity. */
    public static FunnelCut all() {
        int[] any = new int[FunnelData.Dimension.values().length];
        Arrays.fill(any, -1);
        return new FunnelCut(Long.MIN_VALUE, Long.MAX_VALUE, any);
    }

    /** This cut restricted to opportunities created in {@code [from, to)}. */
    public FunnelCut createdIn(Instant from, Instant to) {
        return new FunnelCut(from.getEpochSecond(), to.getEpochSecond(), codes);
    }

    /** This cut restricted to one value of a dimension (a code from {@link FunnelData#code}). */
    public FunnelCut only(FunnelData.Dimension dimension, int code) {
        int[] more = codes.clone();
        more[dimension.ordinal()] = code;
        return new FunnelCut(createdFrom, createdTo, more);
    }

    boolean admits(FunnelData data, int i) {
        long created = data.createdAt[i];
        if (created < createdFrom || created >= createdTo) {
            return false;
        }
        for (int d = 0; d < codes.length; d++) {
            if (codes[d] >= 0 && data.dimension[d][i] != codes[d]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FunnelCut c && c.createdFrom == createdFrom && c.createdTo == createdTo
                && Arrays.equals(c.codes, codes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(createdFrom) * 31 + Long.hashCode(createdTo) * 17 + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "FunnelCut[" + createdFrom + ", " + createdTo + ", " + Arrays.toString(codes) + "]";
    }
}
