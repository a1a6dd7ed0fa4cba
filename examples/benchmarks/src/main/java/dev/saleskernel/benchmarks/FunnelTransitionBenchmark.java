package dev.saleskernel.benchmarks;

import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.StageRoles;
import dev.saleskernel.shared.ActorId;
import java.time.Instant;
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
 * Stage transitions per second: {@link Opportunity#move} on the seeds pipeline (proposal →
 * quotation, every guard evaluated: move allowed, roles, required fields, activities, checklist;
 * a new immutable state with one more history entry) beside a plain enum-and-switch baseline doing
 * the same checks and producing the same new state and event ({@link FunnelBaselines#move}).
 * Run with {@code -prof gc} to see the allocation per move of both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FunnelTransitionBenchmark {
    static final ActorId REP = ActorId.of("rep-1");
    static final Instant AT = Instant.parse("2026-05-01T00:00:00Z");

    /** History entries the deal has before the move. */
    @Param({"6"})
    int historyBefore;

    Opportunity opportunity;
    FunnelBaselines.Deal deal;

    @Setup
    public void setUp() {
        opportunity = FunnelBaselines.opportunityInProposal(historyBefore - 2);
        deal = FunnelBaselines.dealInProposal(opportunity);
    }

    @Benchmark
    public Object library_accepted_move() {
        return opportunity.move(FunnelBaselines.SEEDS, "quotation", MoveInput.NONE, StageRoles.nobody(), REP, AT);
    }

    @Benchmark
    public Object baseline_enum_switch_accepted_move() {
        return FunnelBaselines.move(deal, 1, FunnelBaselines.Stage.QUOTATION, false, REP, AT);
    }
}
