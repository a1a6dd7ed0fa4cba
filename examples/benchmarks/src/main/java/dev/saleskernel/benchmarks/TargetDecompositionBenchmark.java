package dev.saleskernel.benchmarks;

import dev.saleskernel.target.Decomposer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Exact top-down decomposition of an org tree (fan-out 10 per level: company → 10 regions → 100
 * branches → 1,000 departments → 10,000 teams → 100,000 reps) with random weights, then every
 * rep over 12 months by a seasonality profile: 1.2 million cells. The library's bulk
 * {@link Decomposer#decomposeTree} beside hand-written long and BigDecimal baselines
 * ({@link TargetBaselines}), checked identical in {@code TargetBaselinesTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TargetDecompositionBenchmark {
    static final long[] SEASONALITY_PERCENT = {6, 5, 8, 8, 8, 9, 7, 7, 9, 9, 10, 14};

    @Param({"100000"})
    int leaves;

    long total;
    int[] childStart;
    int[] childCount;
    long[] weights;
    long[] monthWeights;
    BigDecimal[] decimalWeights;
    List<BigDecimal> decimalMonthWeights;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        List<Integer> counts = new ArrayList<>();
        int levelSize = 1;
        int nodes = 1;
        while (levelSize < leaves) {
            for (int i = 0; i < levelSize; i++) {
                counts.add(10);
            }
            levelSize *= 10;
            nodes += levelSize;
        }
        int n = nodes;
        childStart = new int[n];
        childCount = new int[n];
        int next = 1;
        for (int i = 0; i < counts.size(); i++) {
            childStart[i] = next;
            childCount[i] = counts.get(i);
            next += counts.get(i);
        }
        weights = new long[n];
        decimalWeights = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + random.nextInt(1000);
            decimalWeights[i] = BigDecimal.valueOf(weights[i]);
        }
        monthWeights = new long[12];
        decimalMonthWeights = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            monthWeights[m] = SEASONALITY_PERCENT[m] * 1_000_000;
            decimalMonthWeights.add(BigDecimal.valueOf(monthWeights[m]));
        }
        total = 98_765_432_109_87L;
    }

    @Benchmark
    public Decomposer.TreeDecomposition library_decompose_tree() {
        return Decomposer.decomposeTree(total, childStart, childCount, weights, monthWeights);
    }

    @Benchmark
    public long[] baseline_hand_written_long() {
        return TargetBaselines.longTree(total, childStart, childCount, weights, monthWeights);
    }

    @Benchmark
    public BigDecimal[] baseline_hand_written_big_decimal() {
        return TargetBaselines.bigDecimalTree(BigDecimal.valueOf(total, 2), childStart, childCount, decimalWeights,
                decimalMonthWeights);
    }
}
