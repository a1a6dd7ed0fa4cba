package dev.saleskernel.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PostgresBenchmark}'s adapter and hand-written variants interleaved, one JMH fork at a
 * time: in each round every pair runs adapter then hand-written (odd rounds) or hand-written then
 * adapter (even rounds), so a change of load on a shared machine hits both sides alike. Prints each
 * fork's score, the adapter ÷ hand-written ratio per round, and the means; and, for every variant, the
 * CPU time its JVM used per operation ({@link ClientCpuProfiler}), which a shared machine's load does
 * not inflate the way it inflates throughput, and which is where the adapter's overhead is (the server
 * runs the same statements for both).
 *
 * <pre>java -cp benchmarks.jar dev.saleskernel.benchmarks.PostgresComparison [rounds=3] [wi=10] [i=5] [w=2] [r=2]
 *     [storage=tmpfs|disk] [sync=on|off] [only=commit,page,outbox] [prof=gc] [cpu=0|none] [pinned=commit,page]</pre>
 *
 * <p>{@code cpu}: the CPU that each fork of the pairs named by {@code pinned} (default: commit and page),
 * and the PostgreSQL server it starts (a child process, which inherits it), is pinned to with
 * {@code taskset} (Linux), so that the benchmark thread and its server backend always share one CPU;
 * {@code none} leaves every fork to the scheduler. Unpinned, each commit's four one-way messages cost
 * about twice as much whenever the scheduler has put the two on different CPUs (each message wakes a
 * thread on an idle CPU), which it does or undoes as it goes, fork by fork and within a fork: on the
 * 2-core machine of {@code docs/performance.md} that, not the adapter, decided the commit ratios.
 * Unpinned, pages suffer the same (the lead's 06:01 run: 72.1 % in one round, at half the pinned
 * throughput). The outbox pair (1 and 4 consumers) is never pinned.
 *
 * <p>Ten warm-up iterations by default: pinned to one CPU, where the JIT shares the CPU with the
 * benchmark thread and the server, page forks were still speeding up through their measured
 * iterations after five (two of nine pinned page rounds under 80 % with five; 93.6–102.8 % with ten).
 */
public final class PostgresComparison {

    private static final Map<String, String[]> PAIRS = new LinkedHashMap<>();

    static {
        PAIRS.put("commit", new String[] {"adapterCommit", "jdbcCommit"});
        PAIRS.put("page", new String[] {"adapterQueryPage", "jdbcQueryPage"});
        PAIRS.put("outbox", new String[] {"outboxClaimAcknowledge1Consumer", "outboxClaimAcknowledge4Consumers"});
    }

    private PostgresComparison() {
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("rounds", "3", "wi", "10", "i", "5", "w", "2", "r", "2",
                "storage", "tmpfs", "sync", "on", "only", "commit,page,outbox", "prof", "", "cpu", "0"));
        settings.put("pinned", "commit,page");
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !settings.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; known: " + settings.keySet());
            }
            settings.put(pair[0], pair[1]);
        }
        int rounds = Integer.parseInt(settings.get("rounds"));
        List<String> only = List.of(settings.get("only").split(","));
        Map<String, List<double[]>> scores = new LinkedHashMap<>(); // pair -> per round {first, second}
        Map<String, double[]> allocation = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        String pinnedJvm = settings.get("cpu").equals("none") ? null : pinnedJvm(settings.get("cpu"));
        List<String> pinned = List.of(settings.get("pinned").split(","));
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, String[]> pair : PAIRS.entrySet()) {
                if (!only.contains(pair.getKey())) {
                    continue;
                }
                String[] methods = pair.getValue();
                double[] score = new double[2];
                int[] order = round % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0};
                for (int side : order) {
                    ChainedOptionsBuilder options = options(methods[side], settings);
                    if (pinnedJvm != null && pinned.contains(pair.getKey()) && !pair.getKey().equals("outbox")) {
                        options.jvm(pinnedJvm);
                    }
                    RunResult result = new Runner(options.build()).runSingle();
                    score[side] = result.getPrimaryResult().getScore();
                    for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
                        if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                            add(allocation, methods[side], secondary.getValue().getScore());
                        } else if (secondary.getKey().endsWith("cpu.time.norm")) {
                            add(cpu, methods[side], secondary.getValue().getScore());
                        }
                    }
                }
                scores.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(score);
            }
        }
        report(scores, allocation, cpu, settings);
    }

    /** Adds one fork's figure to a per-method sum and count. */
    private static void add(Map<String, double[]> sums, String method, double value) {
        double[] sum = sums.computeIfAbsent(method, m -> new double[2]);
        sum[0] += value;
        sum[1]++;
    }

    /**
     * A launcher that starts this JVM's {@code java} pinned to {@code cpu} with {@code taskset}, for JMH to
     * start a fork with; the fork's PostgreSQL server inherits the pinning.
     */
    private static String pinnedJvm(String cpu) {
        if (!cpu.matches("[0-9]+")) {
            throw new IllegalArgumentException("cpu is a CPU number or none, got " + cpu);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path launcher = Files.createTempFile("postgres-comparison-java-cpu" + cpu + "-", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            launcher.toFile().deleteOnExit();
            Files.writeString(launcher, "#!/bin/sh\nexec taskset -c " + cpu + " '" + java + "' \"$@\"\n");
            return launcher.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChainedOptionsBuilder options(String method, Map<String, String> settings) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PostgresBenchmark.class.getName() + "\\." + method + "$")
                .forks(1)
                .warmupIterations(Integer.parseInt(settings.get("wi")))
                .warmupTime(TimeValue.seconds(Long.parseLong(settings.get("w"))))
                .measurementIterations(Integer.parseInt(settings.get("i")))
                .measurementTime(TimeValue.seconds(Long.parseLong(settings.get("r"))))
                .param("storage", settings.get("storage"))
                .param("synchronousCommit", settings.get("sync"))
                .addProfiler(ClientCpuProfiler.class);
        if (!settings.get("prof").isEmpty()) {
            options.addProfiler(settings.get("prof"));
        }
        return options;
    }

    private static void report(Map<String, List<double[]>> scores, Map<String, double[]> allocation,
                               Map<String, double[]> cpu, Map<String, String> settings) {
        System.out.println();
        System.out.println("PostgresComparison " + settings + " (ops/s, one fork per cell)");
        for (Map.Entry<String, List<double[]>> pair : scores.entrySet()) {
            String[] methods = PAIRS.get(pair.getKey());
            // the outbox pair is 1 consumer beside 4, not adapter beside hand-written: its ratio is 1 ÷ 4 consumers
            System.out.printf(Locale.ROOT, "%-8s %-6s %14s %14s %10s%n", pair.getKey(), "round", methods[0], methods[1],
                    pair.getKey().equals("outbox") ? "1 ÷ 4" : "ratio");
            double first = 0;
            double second = 0;
            double logRatio = 0;
            double minRatio = Double.MAX_VALUE;
            double maxRatio = 0;
            int round = 0;
            for (double[] score : pair.getValue()) {
                double ratio = score[0] / score[1];
                System.out.printf(Locale.ROOT, "%-8s %-6d %14.1f %14.1f %9.1f%%%n", "", ++round, score[0], score[1],
                        100 * ratio);
                first += score[0];
                second += score[1];
                logRatio += Math.log(ratio);
                minRatio = Math.min(minRatio, ratio);
                maxRatio = Math.max(maxRatio, ratio);
            }
            int n = pair.getValue().size();
            System.out.printf(Locale.ROOT, "%-8s %-6s %14.1f %14.1f %9.1f%%  (ratio of means; per-round geometric mean"
                            + " %.1f%%, range %.1f%%..%.1f%%)%n", "", "mean", first / n, second / n, 100 * first / second,
                    100 * Math.exp(logRatio / n), 100 * minRatio, 100 * maxRatio);
        }
        allocation.forEach((method, sum) -> System.out.printf(Locale.ROOT, "allocation %-34s %10.0f B/op%n", method,
                sum[0] / sum[1]));
        // client CPU per operation, mean of the forks' means, and adapter ÷ hand-written for each pair
        cpu.forEach((method, sum) -> System.out.printf(Locale.ROOT, "client CPU %-34s %10.1f us/op%n", method,
                sum[0] / sum[1]));
        for (Map.Entry<String, String[]> pair : PAIRS.entrySet()) {
            double[] adapter = cpu.get(pair.getValue()[0]);
            double[] byHand = cpu.get(pair.getValue()[1]);
            if (adapter != null && byHand != null && !pair.getKey().equals("outbox")) {
                System.out.printf(Locale.ROOT, "client CPU %-34s %9.1f%%%n", pair.getKey() + " adapter ÷ hand-written",
                        100 * (adapter[0] / adapter[1]) / (byHand[0] / byHand[1]));
            }
        }
    }
}
