package dev.saleskernel.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The CPU time the benchmark JVM's Java threads (the benchmark's, the driver's, the pool's) used per
 * operation in each iteration, as {@code cpu.time.norm} in microseconds. It counts what the client
 * side costs and, unlike throughput, hardly grows when other processes compete for the cores, so on
 * a shared machine it shows the adapter's client-side overhead where the throughput cannot. Not in
 * it: the JIT compiler's and the garbage collector's threads (the JVM hides them; compiling dominates
 * short runs and says nothing about the code measured) and the database server (another process,
 * running the same statements for both sides).
 */
public final class ClientCpuProfiler implements InternalProfiler {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Map<Long, Long> before = Map.of();

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM's Java threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = cpuTimes();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long used = 0;
        for (Map.Entry<Long, Long> thread : cpuTimes().entrySet()) {
            used += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        long operations = result.getMetadata().getAllOps();
        double perOperation = operations == 0 ? Double.NaN : used / 1e3 / operations;
        return List.of(new ScalarResult("cpu.time.norm", perOperation, "us/op", AggregationPolicy.AVG));
    }

    private static Map<Long, Long> cpuTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long time = THREADS.getThreadCpuTime(id);
            if (time >= 0) { // -1: the thread ended meanwhile
                times.put(id, time);
            }
        }
        return times;
    }
}
