package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.CommissionCalculator;
import dev.saleskernel.compensation.CompensationRun;
import dev.saleskernel.compensation.PeriodEarnings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompensationBaselinesTest {

    private static CompensationRun libraryRun(CompensationBaselines.Lines data) {
        return CommissionCalculator.run(CompensationBaselines.plan(), CompensationRunBenchmark.Q1,
                CompensationBaselines.participants(data), List.of(), CompensationBaselines.batch(data)).get();
    }

    @Test
    void every_baseline_and_the_library_pay_the_same_total_to_the_cent() {
        CompensationBaselines.Lines data = CompensationBaselines.generate(200_000, 1_000, 7);
        CompensationRun run = libraryRun(data);
        CompensationBaselines.Attributed attributed = CompensationBaselines.longCents(data);
        long longCents = attributed.total();
        assertThat(CompensationBaselines.bigDecimal(data)).isEqualTo(longCents);
        assertThat(CompensationBaselines.longCentsTotals(data)).isEqualTo(longCents);
        assertThat(run.totalMinor()).isEqualTo(longCents);
        // the data reach the cap and every tier, so the comparison exercises all of the plan
        assertThat(run.totalsByParticipant().values()).contains(CompensationBaselines.CAP);
        PeriodEarnings one = run.earnings("rep-0");
        assertThat(one.dealPayouts().stream().mapToLong(PeriodEarnings.DealPayout::amountMinor).sum()).isEqualTo(one.totalMinor());
    }

    @Test
    void the_long_baseline_attributes_every_reps_payout_to_the_same_deals_as_the_library() {
        CompensationBaselines.Lines data = CompensationBaselines.generate(200_000, 1_000, 11);
        CompensationRun run = libraryRun(data);
        CompensationBaselines.Attributed attributed = CompensationBaselines.longCents(data);
        String[] dealIdByRank = new String[data.size()];
        for (int i = 0; i < data.size(); i++) {
            dealIdByRank[data.dealRank()[i]] = data.dealIds()[i];
        }
        int reps = data.repIds().length;
        for (int r = 0; r < reps; r++) {
            Map<String, Long> baseline = new LinkedHashMap<>();
            for (int d = attributed.repStart()[r]; d < attributed.repStart()[r + 1]; d++) {
                if (attributed.payout()[d] != 0) {
                    baseline.put(dealIdByRank[attributed.dealRank()[d]], attributed.payout()[d]);
                }
            }
            Map<String, Long> library = new LinkedHashMap<>();
            for (PeriodEarnings.DealPayout payout : run.earnings(data.repIds()[r]).dealPayouts()) {
                library.put(payout.dealId(), payout.amountMinor());
            }
            assertThat(library).as(data.repIds()[r]).containsExactlyEntriesOf(baseline);
        }
    }

    @Test
    void the_statement_part_alone_reads_the_same_statements_as_the_headline_over_the_set_number_of_reps() {
        CompensationRunBenchmark benchmark = new CompensationRunBenchmark();
        benchmark.lines = 20_000;
        benchmark.reps = 500;
        benchmark.setUp();

        long statementsAlone = benchmark.library_every_statement_of_a_finished_run();

        assertThat(benchmark.finished.earnings()).hasSize(500);
        assertThat(statementsAlone).isEqualTo(benchmark.library_run_with_every_statement());
        // a second read builds the statements again, with the same texts
        assertThat(benchmark.library_every_statement_of_a_finished_run()).isEqualTo(statementsAlone);
    }
}
