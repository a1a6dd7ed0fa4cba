package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.target.Attainment;
import org.junit.jupiter.api.Test;

/** The roll-up benchmark compares like with like only if the baseline credits exactly what the library does. */
class AttainmentBaselinesTest {

    @Test
    void the_hand_written_roll_up_and_the_library_credit_identically() {
        AttainmentRollupBenchmark benchmark = new AttainmentRollupBenchmark();
        benchmark.facts = 20_000;
        benchmark.setUp();

        Attainment.Credited library = benchmark.library_credit_and_roll_up();
        AttainmentBaselines.Totals baseline = benchmark.baseline_hand_written_frozen_tree();

        assertThat(library.byMember().size()).isGreaterThan(10_000);
        assertThat(library.byUnit().size()).isGreaterThan(10_000);
        assertThat(library.byMember().equals(baseline.byMember())).as("same member totals").isTrue();
        assertThat(library.byUnit().equals(baseline.byUnit())).as("same unit totals").isTrue();
        long total = benchmark.actuals.stream().mapToLong(f -> f.amount()).sum();
        assertThat(library.unit("u0")).isEqualTo(total);
        assertThat(library.byMember().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }
}
