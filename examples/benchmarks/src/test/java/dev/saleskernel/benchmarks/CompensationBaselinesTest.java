package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.CommissionCalculator;
import dev.saleskernel.compensation.CompensationRun;
import dev.saleskernel.compensation.PeriodEarnings;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompensationBaselinesTest {

    @Test
    void both_baselines_and_the_library_pay_the_same_total_to_the_cent() {
        CompensationBaselines.Lines data = CompensationBaselines.generate(200_000, 1_000, 7);
        CompensationRun run = CommissionCalculator.run(CompensationBaselines.plan(), CompensationRunBenchmark.Q1,
                CompensationBaselines.participants(data), List.of(), CompensationBaselines.batch(data)).get();
        long longCents = CompensationBaselines.longCents(data);
        assertThat(CompensationBaselines.bigDecimal(data)).isEqualTo(longCents);
        assertThat(run.totalMinor()).isEqualTo(longCents);
        // the data reach the cap and every tier, so the comparison exercises all of the plan
        assertThat(run.totalsByParticipant().values()).contains(CompensationBaselines.CAP);
        PeriodEarnings one = run.earnings("rep-0");
        assertThat(one.dealPayouts().stream().mapToLong(PeriodEarnings.DealPayout::amountMinor).sum()).isEqualTo(one.totalMinor());
    }
}
