package dev.saleskernel.benchmarks;

import dev.saleskernel.customer.AbcClass;
import dev.saleskernel.customer.AbcClassifier;
import dev.saleskernel.customer.AbcInput;
import dev.saleskernel.customer.AbcPolicy;
import dev.saleskernel.customer.AbcRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** A/B/C classification of n accounts, cumulative-share mode with hysteresis against last run's classes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class AbcBenchmark {

    @Param({"100000", "1000000"})
    int accounts;

    List<AbcInput> inputs;
    Map<String, AbcClass> previous;
    AbcPolicy policy;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        inputs = new ArrayList<>(accounts);
        List<AbcInput> lastPeriod = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            long profit = (long) (1_000_000_000L / (1 + random.nextInt(10_000)));
            inputs.add(new AbcInput("a" + i, profit));
            lastPeriod.add(new AbcInput("a" + i, profit + random.nextInt(10_000) - 5_000));
        }
        policy = new AbcPolicy(AbcPolicy.CutOff.CUMULATIVE_SHARE, new BigDecimal("0.70"), new BigDecimal("0.90"), new BigDecimal("0.02"));
        previous = AbcClassifier.classify(lastPeriod, policy).classes();
    }

    @Benchmark
    public AbcRun classify() {
        return AbcClassifier.classify(inputs, previous, policy);
    }
}
