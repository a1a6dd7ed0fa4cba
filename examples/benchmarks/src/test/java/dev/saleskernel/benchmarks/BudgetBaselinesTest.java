package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.budget.Budget;
import org.junit.jupiter.api.Test;

/** The budget benchmark compares like with like only if the baseline books and refuses exactly what the library does. */
class BudgetBaselinesTest {

    @Test
    void the_baseline_and_the_library_book_the_same_actuals_and_refuse_the_same_facts() {
        BudgetControlBenchmark benchmark = new BudgetControlBenchmark();
        benchmark.facts = 20_000;
        benchmark.setUp();

        Budget library = benchmark.library_spend_fact_by_fact();
        BudgetBaselines.Outcome baseline = benchmark.baseline_hand_written_arrays();

        for (int i = 0; i < benchmark.lineIds.size(); i++) {
            assertThat(baseline.actual()[i]).as(benchmark.lineIds.get(i)).isEqualTo(library.figures(benchmark.lineIds.get(i)).actual());
        }
        assertThat(library.facts().size() + baseline.refused()).isEqualTo(benchmark.facts);
        assertThat(baseline.refused()).isPositive();
    }
}
