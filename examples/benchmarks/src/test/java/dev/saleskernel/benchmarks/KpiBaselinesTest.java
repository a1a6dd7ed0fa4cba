package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiBaselinesTest {
    @Test
    void the_baseline_and_the_library_compute_the_same_kpis_for_every_unit_and_month() {
        KpiBaselines.Data data = KpiBaselines.generate(200_000, 20_000, 7);
        var library = KpiBaselines.library(data);
        var baseline = KpiBaselines.baseline(data);
        assertThat(library.keySet()).containsExactlyInAnyOrderElementsOf(baseline.keySet());
        baseline.forEach((cell, values) -> assertThat(library.get(cell)).as(cell.toString()).isEqualTo(values));
    }
}
