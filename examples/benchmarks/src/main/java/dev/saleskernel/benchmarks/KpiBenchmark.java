package dev.saleskernel.benchmarks;

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
 * The full KPI set by org unit × month over N sales facts and 1,000,000 opportunities
 * ({@link KpiBaselines}): the library (building the columnar fact table from the raw columns,
 * headcount and funnel cohorts through {@code FunnelReport}, the cube, every KPI of every cell)
 * against the hand-written single pass computing the same figures. Single-shot iterations: the
 * first few of each side still run in compilation (one call is one pass of 10^6–10^7 rows), so 5
 * warm-up iterations are run before 5 measured ones on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
public class KpiBenchmark {
    @Param({"1000000", "10000000"})
    int facts;

    KpiBaselines.Data data;

    /*
     * The data set is collected once after it is built, so that the first young collection does not
     * copy it inside whichever measured iteration happens to trigger it.
     */
    @Setup
    public void setUp() {
        data = KpiBaselines.generate(facts, 1_000_000, 42);
        System.gc();
    }

    @Benchmark
    public Object library() {
        return KpiBaselines.library(data);
    }

    @Benchmark
    public Object baseline() {
        return KpiBaselines.baseline(data);
    }
}
