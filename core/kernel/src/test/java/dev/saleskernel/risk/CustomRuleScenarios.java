package dev.saleskernel.risk;

import static dev.saleskernel.risk.Portfolios.AS_OF;
import static dev.saleskernel.risk.Portfolios.anOpportunity;
import static dev.saleskernel.risk.Portfolios.inStageFor;
import static dev.saleskernel.risk.Portfolios.ofOpportunities;
import static dev.saleskernel.risk.Portfolios.ownedBy;
import static dev.saleskernel.risk.Portfolios.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CustomRuleScenarios {

    /** A host's own rule: any open deal of at least {@code minAmount} minor units. */
    record LargeOpenDeal(RuleDefinition definition) implements RiskRule {
        @Override
        public RiskScope scope() {
            return RiskScope.OPPORTUNITY;
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings) {
            long min = definition.decimal("minAmount", BigDecimal.ZERO).longValueExact();
            for (PortfolioSnapshot.OpportunityFacts o : snapshot.opportunities()) {
                if (o.open() && o.amountMinor() >= min) {
                    findings.accept(Finding.of(definition, scope(), "opportunity:" + o.id(),
                            Map.of("amountMinor", Long.toString(o.amountMinor())), asOf));
                }
            }
        }
    }

    /** Reports every finding of another rule twice, the second time with other evidence. */
    record Stuttering(RiskRule inner) implements RiskRule {
        @Override
        public RuleDefinition definition() {
            return inner.definition();
        }

        @Override
        public RiskScope scope() {
            return inner.scope();
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings) {
            inner.evaluate(snapshot, asOf, f -> {
                findings.accept(f);
                findings.accept(Finding.of(definition(), scope(), f.subject(), Map.of("again", "yes"), asOf));
            });
        }
    }

    @Test
    void a_custom_java_rule_runs_beside_the_built_in_ones_and_reports_once_per_subject() {
        RiskRule custom = new Stuttering(new LargeOpenDeal(new RuleDefinition("host.large-deal", 3, "host-large-deal",
                Map.of("minAmount", new BigDecimal("500000")), new Severity(4, 2), "get a second pair of eyes")));
        RiskRule stalled = BuiltInRules.of(rule("stalled-deal", Map.of()));
        PortfolioSnapshot snapshot = ofOpportunities(ownedBy(anOpportunity("big"), "rep-1", 500_000, true),
                ownedBy(anOpportunity("small"), "rep-1", 499_999, true), inStageFor(anOpportunity("old"), 31));

        RiskEvaluation evaluation = RiskEngine.evaluate(snapshot, List.of(custom, stalled), AS_OF);

        assertThat(evaluation.findings()).extracting(Finding::ruleId, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("host.large-deal", "opportunity:big"),
                org.assertj.core.groups.Tuple.tuple("test.stalled-deal", "opportunity:old"));
        assertThat(evaluation.findings().get(0).ruleVersion()).isEqualTo(3);
        assertThat(evaluation.findings().get(0).evidence()).containsEntry("amountMinor", "500000");
        assertThat(evaluation.rulesRun()).containsExactlyInAnyOrder("host.large-deal", "test.stalled-deal");
    }
}
