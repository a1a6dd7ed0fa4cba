package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.target.Decomposer;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The decomposition benchmark compares like with like only if the baselines compute exactly what the library does. */
class TargetBaselinesTest {

    @Test
    void the_tree_baselines_and_the_library_decompose_identically() {
        TargetDecompositionBenchmark benchmark = new TargetDecompositionBenchmark();
        benchmark.leaves = 10_000;
        benchmark.setUp();

        Decomposer.TreeDecomposition library = benchmark.library_decompose_tree();
        long[] handLong = benchmark.baseline_hand_written_long();
        BigDecimal[] handDecimal = benchmark.baseline_hand_written_big_decimal();

        assertThat(library.cells()).hasSize(120_000);
        assertThat(handLong).containsExactly(library.cells());
        assertThat(Arrays.stream(handDecimal).mapToLong(d -> d.movePointRight(2).longValueExact()).toArray())
                .containsExactly(library.cells());
        assertThat(Arrays.stream(library.cells()).sum()).isEqualTo(benchmark.total);
    }
}
