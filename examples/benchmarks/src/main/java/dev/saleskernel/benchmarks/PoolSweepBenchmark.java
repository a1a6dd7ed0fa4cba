package dev.saleskernel.benchmarks;

import dev.saleskernel.customer.PoolAccount;
import dev.saleskernel.customer.PoolPolicy;
import dev.saleskernel.customer.PoolSweep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** The daily reclaim sweep over n accounts in 8 pools, about 3 in 4 held. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class PoolSweepBenchmark {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Param({"100000", "1000000"})
    int accounts;

    PoolSweep.Snapshot snapshot;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        Map<String, PoolPolicy> policies = new java.util.HashMap<>();
        for (int p = 0; p < 8; p++) {
            policies.put("pool-" + p, new PoolPolicy(500, 1000, 30, 180, p % 2 == 0 ? 15 : 0, 7));
        }
        List<PoolAccount> list = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            boolean held = random.nextInt(4) != 0;
            LocalDate since = TODAY.minusDays(random.nextInt(365));
            list.add(new PoolAccount("a" + i, "pool-" + random.nextInt(8), held ? Optional.of("r" + random.nextInt(2000)) : Optional.empty(),
                    held ? Optional.of(since) : Optional.empty(), Optional.of(TODAY.minusDays(random.nextInt(60))),
                    Optional.of(TODAY.minusDays(random.nextInt(400))),
                    held && random.nextBoolean() ? Optional.of(since.plusDays(14)) : Optional.empty(), Optional.empty()));
        }
        snapshot = new PoolSweep.Snapshot(policies, list);
    }

    @Benchmark
    public PoolSweep.Result sweep() {
        return PoolSweep.sweep(snapshot, TODAY);
    }
}
