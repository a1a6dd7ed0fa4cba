package dev.saleskernel.benchmarks;

import dev.saleskernel.money.Allocation;
import dev.saleskernel.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
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
 * Largest-remainder allocation of one amount over n weights: the library's {@code long} and
 * {@code Money} paths beside two hand-written baselines doing the same work (exact {@code long}
 * arithmetic; idiomatic {@code BigDecimal}). Every variant returns parts that sum to the total;
 * {@link AllocationBaselines} is checked against the library in {@code AllocationBaselinesTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AllocationBenchmark {
    static final Currency CNY = Currency.getInstance("CNY");

    @Param({"1000", "100000"})
    int weightCount;

    long totalMinor;
    long[] weights;
    List<BigDecimal> decimalWeights;
    Money total;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        weights = new long[weightCount];
        decimalWeights = new ArrayList<>(weightCount);
        for (int i = 0; i < weightCount; i++) {
            weights[i] = 1 + random.nextInt(1_000_000);
            decimalWeights.add(BigDecimal.valueOf(weights[i]));
        }
        totalMinor = 1_234_567_890_123L;
        total = Money.ofMinor(totalMinor, CNY);
    }

    @Benchmark
    public long[] library_long_minor_units() {
        return Allocation.allocate(totalMinor, weights);
    }

    @Benchmark
    public List<Money> library_money_over_long_weights() {
        return Allocation.largestRemainder(total, weights);
    }

    @Benchmark
    public List<Money> library_money_over_decimal_weights() {
        return Allocation.largestRemainder(total, decimalWeights);
    }

    @Benchmark
    public long[] baseline_hand_written_long() {
        return AllocationBaselines.longLargestRemainder(totalMinor, weights);
    }

    @Benchmark
    public BigDecimal[] baseline_hand_written_big_decimal() {
        return AllocationBaselines.bigDecimalLargestRemainder(new BigDecimal(totalMinor).movePointLeft(2), decimalWeights, 2,
                RoundingMode.DOWN);
    }
}
