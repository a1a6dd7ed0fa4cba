package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.risk.Finding;
import dev.saleskernel.risk.PortfolioSnapshot;
import dev.saleskernel.risk.RiskEngine;
import dev.saleskernel.risk.RuleDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskBaselinesTest {

    @Test
    void hand_written_loop_and_engine_find_exactly_the_same_findings() {
        PortfolioSnapshot snapshot = RiskPortfolios.generate(20_000, 4_000, 7);
        Map<String, RuleDefinition> byKind = new HashMap<>();
        RiskPortfolios.definitions().forEach(d -> byKind.put(d.kind(), d));

        List<Finding> engine = new ArrayList<>(RiskEngine.evaluate(snapshot, RiskPortfolios.rules(), RiskPortfolios.AS_OF).findings());
        List<Finding> baseline = new ArrayList<>(RiskBaselines.evaluate(snapshot, byKind, RiskPortfolios.AS_OF));
        Comparator<Finding> order = Comparator.comparing(Finding::ruleId).thenComparing(Finding::subject);
        engine.sort(order);
        baseline.sort(order);

        assertThat(engine).hasSizeGreaterThan(1_000);
        assertThat(engine.stream().map(Finding::ruleId).distinct().count()).isEqualTo(10);
        assertThat(baseline).isEqualTo(engine);
    }
}
