package dev.saleskernel.benchmarks;

import dev.saleskernel.compensation.CommissionCalculator;
import dev.saleskernel.compensation.CompensationRun;
import dev.saleskernel.compensation.CreditBatch;
import dev.saleskernel.compensation.Participant;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A quarter's commission run over {@code lines} credit lines and 10,000 reps: marginal tiered
 * plan, one deal in three split 60/40, a per-rep cap. The library run (crediting measure, tiers,
 * cap, exact deal attribution and an explanation per rep and component) beside the two
 * hand-written baselines of {@link CompensationBaselines}: the {@code long} one computes the same
 * totals and the same deal payouts, the {@code BigDecimal} one the same totals (asserted in
 * {@code CompensationBaselinesTest}). The run's explanations are built per rep and component
 * when a statement is asked for; {@code library_run_and_materialise_all_earnings} builds every
 * {@link PeriodEarnings} record with its explanations and deal payouts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CompensationRunBenchmark {
    static final Period Q1 = FiscalCalendar.CALENDAR_YEAR.quarter(2026, 1);

    @Param({"100000", "1000000", "5000000"})
    int lines;

    CompensationBaselines.Lines data;
    CreditBatch batch;
    PlanVersion plan;
    List<Participant> participants;

    @Setup
    public void setUp() {
        data = CompensationBaselines.generate(lines, 10_000, 42);
        batch = CompensationBaselines.batch(data);
        plan = CompensationBaselines.plan();
        participants = CompensationBaselines.participants(data);
    }

    @Benchmark
    public long library_run_with_explanations() {
        CompensationRun run = CommissionCalculator.run(plan, Q1, participants, List.of(), batch).get();
        return run.totalMinor();
    }

    @Benchmark
    public long library_run_and_materialise_all_earnings() {
        CompensationRun run = CommissionCalculator.run(plan, Q1, participants, List.of(), batch).get();
        long total = 0;
        for (PeriodEarnings earnings : run.earnings()) {
            total += earnings.totalMinor() + earnings.dealPayouts().size();
        }
        return total;
    }

    @Benchmark
    public CompensationBaselines.Attributed baseline_hand_written_long_cents() {
        return CompensationBaselines.longCents(data);
    }

    @Benchmark
    public long baseline_idiomatic_big_decimal() {
        return CompensationBaselines.bigDecimal(data);
    }
}
