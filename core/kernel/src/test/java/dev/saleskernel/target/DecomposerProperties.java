package dev.saleskernel.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two-dimensional decomposition: region then quarter versus quarter then region. With exact
 * shares (the total divisible so no rounding happens) both orders give identical cells; under
 * rounding both orders still sum exactly to the total and every cell is within 2 units of its
 * exact share {@code T × rᵢ × qⱼ ÷ (R × Q)}, so the two orders differ by at most 3 units per cell.
 */
class DecomposerProperties {
    private static final int EXAMPLES = 1000;

    private static long[][] regionThenQuarter(long total, long[] regions, long[] quarters) {
        long[] byRegion = Decomposer.proportional(total, regions);
        long[][] cells = new long[regions.length][];
        for (int i = 0; i < regions.length; i++) {
            cells[i] = Decomposer.proportional(byRegion[i], quarters);
        }
        return cells;
    }

    private static long[][] quarterThenRegion(long total, long[] regions, long[] quarters) {
        long[] byQuarter = Decomposer.proportional(total, quarters);
        long[][] cells = new long[regions.length][quarters.length];
        for (int j = 0; j < quarters.length; j++) {
            long[] column = Decomposer.proportional(byQuarter[j], regions);
            for (int i = 0; i < regions.length; i++) {
                cells[i][j] = column[i];
            }
        }
        return cells;
    }

    private static long[] weights(Random random, int n) {
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + random.nextInt(1000);
        }
        return weights;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }

    @Test
    void with_exact_shares_region_then_quarter_equals_quarter_then_region() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(0, 1000)).checkAssert((seed, k) -> {
            Random random = new Random(seed);
            long[] regions = weights(random, 1 + random.nextInt(6));
            long[] quarters = weights(random, 1 + random.nextInt(12));
            long total = k * sum(regions) * sum(quarters);

            assertThat(regionThenQuarter(total, regions, quarters)).isDeepEqualTo(quarterThenRegion(total, regions, quarters));
        });
    }

    @Test
    void under_rounding_both_orders_sum_to_the_total_and_stay_within_two_units_of_the_exact_share() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), longs().between(0, 1_000_000_000_000L)).checkAssert((seed, total) -> {
            Random random = new Random(seed);
            long[] regions = weights(random, 1 + random.nextInt(6));
            long[] quarters = weights(random, 1 + random.nextInt(12));
            BigInteger denominator = BigInteger.valueOf(sum(regions)).multiply(BigInteger.valueOf(sum(quarters)));
            for (long[][] cells : new long[][][] {regionThenQuarter(total, regions, quarters), quarterThenRegion(total, regions, quarters)}) {
                long all = 0;
                for (int i = 0; i < regions.length; i++) {
                    for (int j = 0; j < quarters.length; j++) {
                        all += cells[i][j];
                        BigInteger exactTimesDenominator = BigInteger.valueOf(total).multiply(BigInteger.valueOf(regions[i]))
                                .multiply(BigInteger.valueOf(quarters[j]));
                        BigInteger distance = BigInteger.valueOf(cells[i][j]).multiply(denominator).subtract(exactTimesDenominator).abs();
                        assertThat(distance).isLessThan(denominator.multiply(BigInteger.TWO));
                    }
                }
                assertThat(all).isEqualTo(total);
            }
        });
    }

    @Test
    void lock_absorption_keeps_locked_parts_and_the_parts_sum_to_the_parent() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(10);
            long[] current = new long[n];
            boolean[] locked = new boolean[n];
            long lockedSum = 0;
            for (int i = 0; i < n; i++) {
                current[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000);
                locked[i] = i > 0 && random.nextBoolean();
                lockedSum += locked[i] ? current[i] : 0;
            }
            long parent = lockedSum + random.nextInt(5_000_000);

            long[] parts = Decomposer.absorb(parent, current, locked, weights(random, n));

            assertThat(sum(parts)).isEqualTo(parent);
            for (int i = 0; i < n; i++) {
                assertThat(parts[i]).isGreaterThanOrEqualTo(0);
                if (locked[i]) {
                    assertThat(parts[i]).isEqualTo(current[i]);
                }
            }
        });
    }
}
