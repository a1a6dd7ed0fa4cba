package dev.saleskernel.benchmarks;

import dev.saleskernel.funnel.analytics.FunnelCut;
import dev.saleskernel.funnel.analytics.FunnelData;
import dev.saleskernel.funnel.analytics.FunnelReport;
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
 * The full funnel report (cohort conversion, win rates, days in stage, cycle, weighted pipeline,
 * forecast roll-ups, velocity, stalled, slipped, visits-to-close) over n opportunities with 5–7
 * (about 6) history entries each, beside a plain-loop baseline computing the headline figures
 * (conversion, weighted pipeline, open pipeline, velocity, stalled) over plain arrays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class FunnelReportBenchmark {
    static final long AS_OF = 1_700_000_000L + 400 * 86_400L;

    @Param({"100000", "1000000"})
    int opportunities;

    FunnelData data;
    FunnelBaselines.Columns columns;
    FunnelReport.Options options;

    @Setup
    public void setUp() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        FunnelBaselines.Generated generated = FunnelBaselines.randomFunnel(opportunities, 42);
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        data = generated.data();
        columns = generated.columns();
        options = new FunnelReport.Options(AS_OF, 1, 2);
        System.out.printf("%n[memory] %d opportunities: read model + baseline columns ≈ %d bytes per opportunity%n",
                opportunities, (after - before) / opportunities);
    }

    @Benchmark
    public FunnelReport library_full_report() {
        return FunnelReport.of(data, FunnelCut.all(), options);
    }

    @Benchmark
    public FunnelBaselines.Headline baseline_plain_loops_headline() {
        return FunnelBaselines.report(columns, AS_OF, 1);
    }
}
