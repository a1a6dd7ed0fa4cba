package dev.saleskernel.benchmarks;

import dev.saleskernel.compensation.CommissionCalculator;
import dev.saleskernel.compensation.CompensationRun;
import dev.saleskernel.compensation.CreditBatch;
import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.Participant;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.compensation.Roster;
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
 * A quarter's commission run over {@code lines} credit lines and {@code reps} reps (10,000 unless
 * set): marginal tiered plan, one deal in three split 60/40, a per-rep cap. The library run
 * (crediting measure, tiers, cap, an explanation per rep and component, and exact deal
 * attribution when deal payouts are read) beside the hand-written baselines of
 * {@link CompensationBaselines}: the plain {@code long} loop and the {@code BigDecimal} one
 * compute the same totals, the {@code long} one with attribution also the same deal payouts
 * (asserted in {@code CompensationBaselinesTest}). The headline,
 * {@code library_run_with_every_statement}, is "statements with explanations included": after the
 * run it builds every rep's {@link PeriodEarnings}, formats every explanation and reads every line
 * and input; {@code library_every_statement_of_a_finished_run} is that statement part alone;
 * {@code library_run_with_every_statement_and_deal_payout} also builds and reads every deal
 * payout.
 *
 * <p>The inputs are prepared once, outside the measured work, on both sides: the baselines get
 * their lines as columns with each rep's index resolved; the library gets its credit batch (lines
 * checked, ids interned) and its {@link Roster} (participants checked and indexed), the way a host
 * runs one participant list and one batch many times (months, true-up, recomputes, what-ifs).
 *
 * <p>The fork pre-touches a fixed 4 GiB heap: every operation allocates megabytes, and without it
 * the first touch of each fresh heap page, until the young generation has been used once, made the
 * first iterations at 5M lines up to 5× slower.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class CompensationRunBenchmark {
    static final Period Q1 = FiscalCalendar.CALENDAR_YEAR.quarter(2026, 1);

    @Param({"100000", "1000000", "5000000"})
    int lines;

    /**
     * How many reps the lines are spread over. The run is 10,000 reps at every size; with
     * {@code -p reps=…} the same benchmark runs other shapes, e.g. 100 lines per rep at every size.
     */
    @Param({"10000"})
    int reps;

    CompensationBaselines.Lines data;
    CreditBatch batch;
    PlanVersion plan;
    Roster roster;
    /** A run computed once in the set-up, for {@link #library_every_statement_of_a_finished_run}. */
    CompensationRun finished;

    @Setup
    public void setUp() {
        data = CompensationBaselines.generate(lines, reps, 42);
        batch = CompensationBaselines.batch(data);
        plan = CompensationBaselines.plan();
        List<Participant> participants = CompensationBaselines.participants(data);
        roster = Roster.of(participants).get();
        finished = CommissionCalculator.run(plan, Q1, roster, List.of(), batch).get();
    }

    /** The run alone: totals per rep and component; statements and explanations only on request. */
    @Benchmark
    public long library_run_only() {
        CompensationRun run = CommissionCalculator.run(plan, Q1, roster, List.of(), batch).get();
        return run.totalMinor();
    }

    /**
     * The headline, "statements with explanations included": the run, then every rep's statement
     * ({@link PeriodEarnings}) built, with every line's explanation formatted and read (rule,
     * formula text, every input). The deal payouts (the clawback key, not statement lines) are not
     * read, so the run's deal attribution, done on their first read, is not done here.
     */
    @Benchmark
    public long library_run_with_every_statement() {
        CompensationRun run = CommissionCalculator.run(plan, Q1, roster, List.of(), batch).get();
        return readEveryStatement(run, DealPayouts.NOT_READ);
    }

    /**
     * As the headline, and every statement's deal payouts counted: the run's deal attribution
     * (lines grouped by deal, each component split over the deals) is done, the payouts are not
     * built. The same work as {@code baseline_hand_written_long_cents} plus the statements.
     */
    @Benchmark
    public long library_run_with_every_statement_and_deal_attribution() {
        CompensationRun run = CommissionCalculator.run(plan, Q1, roster, List.of(), batch).get();
        return readEveryStatement(run, DealPayouts.COUNTED);
    }

    /**
     * The headline's statement part alone: every statement of a run computed in the set-up, built
     * and read as the headline reads them. A run builds a statement each time it is read, so every
     * operation does all the statements' work; divided by the reps, this is what one explained
     * statement costs.
     */
    @Benchmark
    public long library_every_statement_of_a_finished_run() {
        return readEveryStatement(finished, DealPayouts.NOT_READ);
    }

    /** As the headline, and every deal payout of every statement built and read (deal id, amount, rate, credit date). */
    @Benchmark
    public long library_run_with_every_statement_and_deal_payout() {
        CompensationRun run = CommissionCalculator.run(plan, Q1, roster, List.of(), batch).get();
        return readEveryStatement(run, DealPayouts.READ);
    }

    /** How much of each statement's deal payouts a benchmark reads. */
    enum DealPayouts { NOT_READ, COUNTED, READ }

    /** Reads every line of every statement of the run (and the deal payouts as asked); a checksum so nothing is skipped. */
    static long readEveryStatement(CompensationRun run, DealPayouts dealPayouts) {
        long check = 0;
        for (PeriodEarnings earnings : run.earnings()) {
            for (PeriodEarnings.ComponentEarning line : earnings.components()) {
                Explanation explanation = line.explanation();
                check += line.amountMinor() + explanation.rule().length() + explanation.formula().length();
                for (Explanation.Input input : explanation.inputs()) {
                    check += input.name().length() + input.value().length();
                }
            }
            if (dealPayouts == DealPayouts.NOT_READ) {
                continue;
            }
            check += earnings.dealPayouts().size();
            if (dealPayouts == DealPayouts.COUNTED) {
                continue;
            }
            for (PeriodEarnings.DealPayout payout : earnings.dealPayouts()) {
                check += payout.amountMinor() + payout.dealId().length() + payout.componentId().length()
                        + payout.creditedOn().getDayOfMonth() + (payout.rate().isPresent() ? payout.rate().get().hashCode() : 0);
            }
        }
        return check;
    }

    /** The plain exact loop: each rep's credit, tiers and cap; totals only. */
    @Benchmark
    public long baseline_hand_written_long_cents_totals_only() {
        return CompensationBaselines.longCentsTotals(data);
    }

    /** Exact {@code long} cents with the library's deal attribution (what {@code _and_deal_payout} also reads). */
    @Benchmark
    public CompensationBaselines.Attributed baseline_hand_written_long_cents() {
        return CompensationBaselines.longCents(data);
    }

    @Benchmark
    public long baseline_idiomatic_big_decimal() {
        return CompensationBaselines.bigDecimal(data);
    }
}
