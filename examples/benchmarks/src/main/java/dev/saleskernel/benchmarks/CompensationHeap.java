package dev.saleskernel.benchmarks;

import dev.saleskernel.compensation.CommissionCalculator;
import dev.saleskernel.compensation.CompensationRun;
import dev.saleskernel.compensation.CreditBatch;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.Roster;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Heap retained by the commission run of {@link CompensationRunBenchmark}: used heap after a full
 * GC, measured before and after building the {@link CreditBatch} and the {@link Roster} of the
 * 10,000 reps (the participants themselves included), after the run (the
 * {@link CompensationRun} kept), after every rep's statement is built and kept, and after the
 * run's deal attribution (done on the first deal payout read). Run with
 * {@code java -cp examples/benchmarks/target/benchmarks.jar dev.saleskernel.benchmarks.CompensationHeap 5000000}.
 */
public final class CompensationHeap {
    private CompensationHeap() {
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        CompensationBaselines.Lines data = CompensationBaselines.generate(lines, 10_000, 42);
        long before = used();
        CreditBatch batch = CompensationBaselines.batch(data);
        long withBatch = used();
        Roster roster = Roster.of(CompensationBaselines.participants(data)).get();
        long withRoster = used();
        CompensationRun run = CommissionCalculator.run(CompensationBaselines.plan(), CompensationRunBenchmark.Q1, roster, List.of(),
                batch).get();
        long withRun = used();
        // run.earnings() builds each statement when read: a copy builds and keeps every one
        List<PeriodEarnings> statements = List.copyOf(run.earnings());
        long withStatements = used();
        long checksum = CompensationRunBenchmark.readEveryStatement(run, CompensationRunBenchmark.DealPayouts.COUNTED);
        long withAttribution = used();
        System.out.printf("lines %,d (checksum %d, %d statements)%n", lines, checksum, statements.size());
        report("credit batch", withBatch - before, lines);
        report("roster (10,000 reps)", withRoster - withBatch, lines);
        report("compensation run", withRun - withRoster, lines);
        report("every statement kept", withStatements - withRun, lines);
        report("deal attribution", withAttribution - withStatements, lines);
        report("all of them", withAttribution - before, lines);
        Reference.reachabilityFence(data);
        Reference.reachabilityFence(batch);
        Reference.reachabilityFence(roster);
        Reference.reachabilityFence(run);
        Reference.reachabilityFence(statements);
    }

    private static void report(String what, long bytes, int lines) {
        System.out.printf("%-26s %,10.1f MB  %6.1f bytes/line%n", what, bytes / 1e6, (double) bytes / lines);
    }

    private static long used() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
