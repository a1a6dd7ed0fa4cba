package dev.saleskernel.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-written tree decompositions, the yardsticks for {@code Decomposer.decomposeTree}: the same
 * breadth-first walk, each node split over its children and each leaf over the months by the
 * plain largest-remainder baselines of {@link AllocationBaselines} (exact {@code long}; idiomatic
 * {@code BigDecimal} in yuan at scale 2).
 */
public final class TargetBaselines {
    private TargetBaselines() {
    }

    /** Returns the leaf × month cells in minor units. */
    public static long[] longTree(long total, int[] childStart, int[] childCount, long[] weights, long[] monthWeights) {
        int n = childCount.length;
        long[] amounts = new long[n];
        amounts[0] = total;
        int leaves = 0;
        for (int i = 0; i < n; i++) {
            if (childCount[i] == 0) {
                leaves++;
                continue;
            }
            long[] parts = AllocationBaselines.longLargestRemainder(amounts[i],
                    Arrays.copyOfRange(weights, childStart[i], childStart[i] + childCount[i]));
            System.arraycopy(parts, 0, amounts, childStart[i], parts.length);
        }
        int months = monthWeights.length;
        long[] cells = new long[leaves * months];
        for (int i = 0, leaf = 0; i < n; i++) {
            if (childCount[i] == 0) {
                System.arraycopy(AllocationBaselines.longLargestRemainder(amounts[i], monthWeights), 0, cells, leaf++ * months, months);
            }
        }
        return cells;
    }

    /** Returns the leaf × month cells in yuan (scale 2). */
    public static BigDecimal[] bigDecimalTree(BigDecimal total, int[] childStart, int[] childCount, BigDecimal[] weights,
                                              List<BigDecimal> monthWeights) {
        int n = childCount.length;
        BigDecimal[] amounts = new BigDecimal[n];
        amounts[0] = total;
        int leaves = 0;
        List<BigDecimal> all = Arrays.asList(weights);
        for (int i = 0; i < n; i++) {
            if (childCount[i] == 0) {
                leaves++;
                continue;
            }
            BigDecimal[] parts = AllocationBaselines.bigDecimalLargestRemainder(amounts[i],
                    all.subList(childStart[i], childStart[i] + childCount[i]), 2, RoundingMode.DOWN);
            System.arraycopy(parts, 0, amounts, childStart[i], parts.length);
        }
        int months = monthWeights.size();
        BigDecimal[] cells = new BigDecimal[leaves * months];
        for (int i = 0, leaf = 0; i < n; i++) {
            if (childCount[i] == 0) {
                System.arraycopy(AllocationBaselines.bigDecimalLargestRemainder(amounts[i], monthWeights, 2, RoundingMode.DOWN),
                        0, cells, leaf++ * months, months);
            }
        }
        return cells;
    }
}
