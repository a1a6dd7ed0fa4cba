package dev.saleskernel.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.money.Allocation;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calculator's in-place deal attribution gives exactly what {@link Allocation#allocate(long, long[])} gives. */
class DealSpreadProperties {

    @Test
    void spreading_in_place_gives_the_allocations_parts_over_the_positive_weights() {
        DealSpread spread = new DealSpread();
        qt().withExamples(3_000).forAll(longs().between(-2_000_000, 2_000_000).mix(longs().between(-Long.MAX_VALUE, Long.MAX_VALUE), 10),
                integers().between(0, 150), longs().all(), integers().between(0, 3)).checkAssert((amount, deals, seed, shape) -> {
            SplittableRandom random = new SplittableRandom(seed);
            int from = random.nextInt(5);
            long[] weights = new long[from + deals + random.nextInt(5)];
            for (int d = 0; d < weights.length; d++) {
                // shape 0: many equal weights (ties on remainder and weight); 1: small; 2: some non-positive; 3: huge
                weights[d] = switch (shape) {
                    case 0 -> 1 + random.nextInt(3);
                    case 1 -> 1 + random.nextInt(1_000);
                    case 2 -> random.nextInt(-500, 1_000);
                    default -> 1 + random.nextLong(Long.MAX_VALUE / 200);
                };
            }
            int to = from + deals;
            long[] payouts = new long[weights.length];
            boolean spreadDone = spread.spread(amount, weights, from, to, payouts);

            long[] positive = Arrays.stream(weights, from, to).filter(w -> w > 0).toArray();
            long[] expected = new long[weights.length];
            boolean expectedDone = amount != 0 && positive.length > 0;
            if (expectedDone) {
                long[] parts = Allocation.allocate(amount, positive);
                for (int d = from, k = 0; d < to; d++) {
                    if (weights[d] > 0) {
                        expected[d] = parts[k++];
                    }
                }
            }
            assertThat(spreadDone).isEqualTo(expectedDone);
            assertThat(payouts).containsExactly(expected);
        });
    }

    @Test
    void the_kth_smallest_is_the_value_at_k_after_sorting_however_many_values_tie() {
        qt().withExamples(3_000).forAll(integers().between(1, 120), longs().all(), integers().between(0, 2))
                .checkAssert((n, seed, shape) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    long[] values = new long[n + random.nextInt(4)];
                    for (int i = 0; i < values.length; i++) {
                        // shape 0: few distinct values (long runs of ties); 1: spread out; 2: already sorted
                        values[i] = switch (shape) {
                            case 0 -> random.nextInt(3);
                            case 1 -> random.nextLong();
                            default -> i / 3;
                        };
                    }
                    long[] sorted = Arrays.copyOf(values, n);
                    Arrays.sort(sorted);
                    int k = random.nextInt(n);

                    assertThat(DealSpread.kthSmallest(values, n, k)).isEqualTo(sorted[k]);
                });
    }
}
