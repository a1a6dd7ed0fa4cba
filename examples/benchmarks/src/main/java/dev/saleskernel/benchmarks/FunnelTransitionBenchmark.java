package dev.saleskernel.benchmarks;

import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.StageRoles;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
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
 * Stage transitions per second: {@link Opportunity#move} on the seeds pipeline beside a plain
 * enum-and-switch baseline doing the same checks and producing the same new state and event
 * ({@link FunnelBaselines#move}).
 *
 * <p>Each operation is one accepted move in a chain: proposal → quotation → negotiation → back to
 * proposal (confirming the checklist), each move made on the state the previous one returned, with
 * a new timestamp every time, so the history really grows (6 entries at the start of a chain, 12
 * after its last move). Every {@value #CHAIN} moves both sides start again from the same deal with
 * 6 history entries — as an application does when it loads a deal and moves it. Every guard is
 * evaluated on every move (move allowed, roles, required fields, activities, checklist). Run with
 * {@code -prof gc} to see the allocation per move of both.
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
    /** Moves made on one deal before both sides start again from the deal with {@code historyBefore} entries. */
    static final int CHAIN = 6;
    private static final String[] LIBRARY_TARGETS = {"quotation", "negotiation", "proposal"};
    private static final MoveInput[] LIBRARY_INPUTS = {MoveInput.NONE, MoveInput.NONE, MoveInput.confirming("needs-confirmed")};
    private static final FunnelBaselines.Stage[] BASELINE_TARGETS = {
        FunnelBaselines.Stage.QUOTATION, FunnelBaselines.Stage.NEGOTIATION, FunnelBaselines.Stage.PROPOSAL};
    private static final boolean[] BASELINE_CHECKLIST = {false, false, true};

    /** History entries the deal has at the start of each chain. */
    @Param({"6"})
    int historyBefore;

    Opportunity opportunity;
    FunnelBaselines.Deal deal;

    Opportunity libraryCurrent;
    int libraryStep;
    long librarySeconds;

    FunnelBaselines.Deal baselineCurrent;
    int baselineStep;
    long baselineSeconds;

    @Setup
    public void setUp() {
        opportunity = FunnelBaselines.opportunityInProposal(historyBefore - 2);
        deal = FunnelBaselines.dealInProposal(opportunity);
        libraryCurrent = opportunity;
        baselineCurrent = deal;
        libraryStep = 0;
        baselineStep = 0;
        librarySeconds = 0;
        baselineSeconds = 0;
    }

    /** The next accepted move of the library's chain; returns the {@code Either} holding the {@code Change}. */
    @Benchmark
    public Either<Rejected, Change<Opportunity>> library_chained_move() {
        if (libraryStep == CHAIN) {
            libraryCurrent = opportunity;
            libraryStep = 0;
        }
        int k = libraryStep++ % LIBRARY_TARGETS.length;
        Either<Rejected, Change<Opportunity>> moved = libraryCurrent.move(FunnelBaselines.SEEDS, LIBRARY_TARGETS[k],
                LIBRARY_INPUTS[k], StageRoles.nobody(), REP, AT.plusSeconds(++librarySeconds));
        libraryCurrent = moved.get().state();
        return moved;
    }

    /** The next accepted move of the baseline's chain; returns its {@link FunnelBaselines.Transition}. */
    @Benchmark
    public FunnelBaselines.Transition baseline_enum_switch_chained_move() {
        if (baselineStep == CHAIN) {
            baselineCurrent = deal;
            baselineStep = 0;
        }
        int k = baselineStep++ % BASELINE_TARGETS.length;
        FunnelBaselines.Transition moved = (FunnelBaselines.Transition) FunnelBaselines.move(baselineCurrent, 1,
                BASELINE_TARGETS[k], BASELINE_CHECKLIST[k], REP, AT.plusSeconds(++baselineSeconds));
        baselineCurrent = moved.state();
        return moved;
    }
}
