package dev.saleskernel.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A cross-check of {@link KpiBenchmark} for a shared, loaded machine: runs baseline and library
 * alternately in one JVM and prints the <em>thread CPU time</em> of each call (time spent waiting
 * for a core is not counted, unlike the benchmark's wall-clock single shots), the minimum after
 * the first {@code iterations / 2} calls, and the library's minimum per phase. Not a JMH benchmark:
 * {@code java -Xms5g -Xmx5g -cp examples/benchmarks/target/benchmarks.jar dev.saleskernel.benchmarks.KpiPhases 1000000 14}.
 */
public final class KpiPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private KpiPhases() {
    }

    public static void main(String[] args) {
        int facts = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        KpiBaselines.Data data = KpiBaselines.generate(facts, 1_000_000, 42);
        long baselineMin = Long.MAX_VALUE;
        long libraryMin = Long.MAX_VALUE;
        long[] phaseMin = new long[KpiBaselines.PHASES.size()];
        java.util.Arrays.fill(phaseMin, Long.MAX_VALUE);
        for (int it = 0; it < iterations; it++) {
            long start = THREADS.getCurrentThreadCpuTime();
            KpiBaselines.baseline(data);
            long middle = THREADS.getCurrentThreadCpuTime();
            long[] last = {middle};
            boolean measured = it >= iterations / 2;
            KpiBaselines.library(data, phase -> {
                long now = THREADS.getCurrentThreadCpuTime();
                if (measured) {
                    phaseMin[phase] = Math.min(phaseMin[phase], now - last[0]);
                }
                last[0] = now;
            });
            long end = last[0];
            System.out.printf("call %d: baseline %.1f ms, library %.1f ms (thread CPU)%n", it, (middle - start) / 1e6,
                    (end - middle) / 1e6);
            if (measured) {
                baselineMin = Math.min(baselineMin, middle - start);
                libraryMin = Math.min(libraryMin, end - middle);
            }
        }
        for (int p = 0; p < phaseMin.length; p++) {
            System.out.printf("library %s: min %.1f ms%n", KpiBaselines.PHASES.get(p), phaseMin[p] / 1e6);
        }
        System.out.printf("min baseline %.1f ms, min library %.1f ms, ratio %.2f%n", baselineMin / 1e6, libraryMin / 1e6,
                (double) libraryMin / baselineMin);
    }
}
