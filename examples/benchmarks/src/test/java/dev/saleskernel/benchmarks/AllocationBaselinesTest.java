package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.money.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like only if the baselines compute exactly what the library does. */
class AllocationBaselinesTest {

    @Test
    void the_baselines_and_the_library_allocate_identically() {
        AllocationBenchmark benchmark = new AllocationBenchmark();
        benchmark.weightCount = 10_000;
        benchmark.setUp();

        long[] library = Allocation.allocate(benchmark.totalMinor, benchmark.weights);
        long[] handLong = AllocationBaselines.longLargestRemainder(benchmark.totalMinor, benchmark.weights);
        BigDecimal[] handDecimal = AllocationBaselines.bigDecimalLargestRemainder(
                new BigDecimal(benchmark.totalMinor).movePointLeft(2), benchmark.decimalWeights, 2, RoundingMode.DOWN);

        assertThat(handLong).containsExactly(library);
        assertThat(Arrays.stream(handDecimal).map(d -> d.movePointRight(2).longValueExact()).toList())
                .containsExactlyElementsOf(Arrays.stream(library).boxed().toList());
        assertThat(Arrays.stream(library).sum()).isEqualTo(benchmark.totalMinor);
    }

    @Test
    void ties_go_to_the_larger_weight_then_the_lower_index_in_every_variant() {
        long[] weights = {1, 3, 2, 2};

        assertThat(AllocationBaselines.longLargestRemainder(4, weights)).containsExactly(Allocation.allocate(4, weights));
        assertThat(Allocation.allocate(4, weights)).containsExactly(0, 2, 1, 1);
        assertThat(Allocation.largestRemainder(dev.saleskernel.money.Money.ofMinor(4, java.util.Currency.getInstance("CNY")),
                List.of(BigDecimal.ONE, BigDecimal.valueOf(3), BigDecimal.valueOf(2), BigDecimal.valueOf(2))))
                .extracting(dev.saleskernel.money.Money::toMinorUnits).containsExactly(0L, 2L, 1L, 1L);
    }
}
