package dev.saleskernel.benchmarks;

import dev.saleskernel.risk.Finding;
import dev.saleskernel.risk.PortfolioSnapshot;
import dev.saleskernel.risk.RiskEngine;
import dev.saleskernel.risk.RiskEvaluation;
import dev.saleskernel.risk.RiskRule;
import dev.saleskernel.risk.RuleDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Every built-in risk rule over a portfolio of n opportunities and n/5 accounts: the engine
 * against {@link RiskBaselines}, one hand-written pass doing the same checks and building the
 * same findings ({@code RiskBaselinesTest}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class RiskEvaluationBenchmark {

    @Param({"100000", "1000000"})
    int opportunities;

    PortfolioSnapshot snapshot;
    List<RiskRule> rules;
    Map<String, RuleDefinition> byKind;

    @Setup
    public void setUp() {
        snapshot = RiskPortfolios.generate(opportunities, opportunities / 5, 42);
        rules = RiskPortfolios.rules();
        byKind = new HashMap<>();
        RiskPortfolios.definitions().forEach(d -> byKind.put(d.kind(), d));
    }

    @Benchmark
    public RiskEvaluation engine() {
        return RiskEngine.evaluate(snapshot, rules, RiskPortfolios.AS_OF);
    }

    @Benchmark
    public List<Finding> handWrittenLoop() {
        return RiskBaselines.evaluate(snapshot, byKind, RiskPortfolios.AS_OF);
    }
}
