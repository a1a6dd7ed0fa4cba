package dev.saleskernel.risk;

import static dev.saleskernel.risk.Portfolios.AS_OF;
import static dev.saleskernel.risk.Portfolios.CNY;
import static dev.saleskernel.risk.Portfolios.anAccount;
import static dev.saleskernel.risk.Portfolios.anOpportunity;
import static dev.saleskernel.risk.Portfolios.churnSignals;
import static dev.saleskernel.risk.Portfolios.contributing;
import static dev.saleskernel.risk.Portfolios.discounted;
import static dev.saleskernel.risk.Portfolios.idleFor;
import static dev.saleskernel.risk.Portfolios.inStageFor;
import static dev.saleskernel.risk.Portfolios.ofAccounts;
import static dev.saleskernel.risk.Portfolios.ofOpportunities;
import static dev.saleskernel.risk.Portfolios.ownedBy;
import static dev.saleskernel.risk.Portfolios.rule;
import static dev.saleskernel.risk.Portfolios.run;
import static dev.saleskernel.risk.Portfolios.slipped;
import static dev.saleskernel.risk.Portfolios.subjects;
import static dev.saleskernel.risk.Portfolios.withCredit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.customer.AbcClass;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltInRuleScenarios {

    @Test
    void stalled_deal_fires_the_day_after_the_stage_maximum_and_not_on_it() {
        RuleDefinition stalled = rule("stalled-deal", Map.of());
        Finding finding = run(stalled, ofOpportunities(inStageFor(anOpportunity("o-1"), 31), inStageFor(anOpportunity("o-2"), 30))).get(0);

        assertThat(subjects(stalled, ofOpportunities(inStageFor(anOpportunity("o-1"), 31), inStageFor(anOpportunity("o-2"), 30))))
                .containsExactly("opportunity:o-1");
        assertThat(finding.evidence()).containsEntry("daysInStage", "31").containsEntry("stageMaxDays", "30")
                .containsEntry("stage", "proposal");
        assertThat(finding.severity().score()).isEqualTo(12);
        assertThat(finding.suggestedResponse()).isEqualTo("call the owner");
        assertThat(finding.ruleVersion()).isEqualTo(1);
    }

    @Test
    void stalled_deal_honours_grace_days_and_ignores_closed_deals() {
        RuleDefinition stalled = rule("stalled-deal", Map.of("graceDays", "5"));
        assertThat(subjects(stalled, ofOpportunities(inStageFor(anOpportunity("o-1"), 36), inStageFor(anOpportunity("o-2"), 35),
                ownedBy(inStageFor(anOpportunity("o-3"), 99), "rep-1", 1, false)))).containsExactly("opportunity:o-1");
    }

    @Test
    void close_date_slipped_fires_at_n_slips_and_not_one_below() {
        RuleDefinition slips = rule("close-date-slipped", Map.of("maxSlips", "3"));
        assertThat(subjects(slips, ofOpportunities(slipped(anOpportunity("o-1"), 3), slipped(anOpportunity("o-2"), 2))))
                .containsExactly("opportunity:o-1");
    }

    @Test
    void discount_beyond_policy_fires_one_basis_point_over_and_not_at_the_policy() {
        RuleDefinition discount = rule("discount-beyond-policy", Map.of("maxDiscount", "0.15"));
        List<Finding> findings = run(discount, ofOpportunities(discounted(anOpportunity("o-1"), "0.1501"),
                discounted(anOpportunity("o-2"), "0.15")));
        assertThat(findings).extracting(Finding::subject).containsExactly("opportunity:o-1");
        assertThat(findings.get(0).evidence()).containsEntry("discount", "0.1501").containsEntry("amount", "1000.00");
    }

    @Test
    void no_activity_fires_at_n_idle_days_and_not_one_below() {
        RuleDefinition idle = rule("no-activity", Map.of("days", "14"));
        assertThat(subjects(idle, ofOpportunities(idleFor(anOpportunity("o-1"), 14), idleFor(anOpportunity("o-2"), 13))))
                .containsExactly("opportunity:o-1");
    }

    @Test
    void credit_exposure_fires_one_cent_over_the_limit_and_not_at_it() {
        RuleDefinition credit = rule("credit-exposure", Map.of());
        assertThat(subjects(credit, ofAccounts(withCredit(anAccount("a-1"), 100_000, 100_001, 0, Optional.empty()),
                withCredit(anAccount("a-2"), 100_000, 100_000, 0, Optional.empty())))).containsExactly("account:a-1");
    }

    @Test
    void credit_exposure_fires_for_receivables_overdue_n_days_and_not_one_below() {
        RuleDefinition credit = rule("credit-exposure", Map.of("overdueDays", "30"));
        List<Finding> findings = run(credit, ofAccounts(
                withCredit(anAccount("a-1"), 100_000, 5_000, 5_000, Optional.of(AS_OF.minusDays(30))),
                withCredit(anAccount("a-2"), 100_000, 5_000, 5_000, Optional.of(AS_OF.minusDays(29)))));
        assertThat(findings).extracting(Finding::subject).containsExactly("account:a-1");
        assertThat(findings.get(0).evidence()).containsEntry("overdueReceivables", "50.00").containsEntry("daysOverdue", "30");
    }

    @Test
    void key_person_fires_when_one_rep_holds_the_share_of_a_class_profit_and_not_one_cent_below() {
        RuleDefinition keyPerson = rule("key-person", Map.of("maxShare", "0.50"));
        assertThat(subjects(keyPerson, ofAccounts(contributing(anAccount("a-1"), "rep-1", AbcClass.A, 0, 5_000),
                contributing(anAccount("a-2"), "rep-2", AbcClass.A, 0, 5_000),
                contributing(anAccount("a-3"), "rep-2", AbcClass.B, 0, 90_000)))).containsExactly("rep:rep-1", "rep:rep-2");
        List<Finding> below = run(keyPerson, ofAccounts(contributing(anAccount("a-1"), "rep-1", AbcClass.A, 0, 4_999),
                contributing(anAccount("a-2"), "rep-2", AbcClass.A, 0, 5_001)));
        assertThat(below).extracting(Finding::subject).containsExactly("rep:rep-2");
        assertThat(below.get(0).evidence()).containsEntry("share", "0.5001").containsEntry("aClassProfitTotal", "100.00");
    }

    @Test
    void concentration_fires_for_a_customer_or_product_line_at_the_share_and_not_below() {
        RuleDefinition concentration = rule("concentration", Map.of("maxShare", "0.25"));
        PortfolioSnapshot snapshot = new PortfolioSnapshot(CNY, List.of(), List.of(
                contributing(anAccount("a-1"), "rep-1", AbcClass.A, 2_500, 0),
                contributing(anAccount("a-2"), "rep-1", AbcClass.A, 2_499, 0),
                contributing(anAccount("a-3"), "rep-1", AbcClass.A, 2_501, 0),
                contributing(anAccount("a-4"), "rep-1", AbcClass.A, 2_500, 0)), List.of(), List.of(),
                List.of(new PortfolioSnapshot.ProductLineRevenue("pumps", 7_999), new PortfolioSnapshot.ProductLineRevenue("valves", 24_001)),
                List.of());
        List<Finding> findings = run(concentration, snapshot);
        assertThat(findings).extracting(Finding::subject)
                .containsExactly("account:a-1", "account:a-3", "account:a-4", "product-line:valves");
        assertThat(findings.get(3).scope()).isEqualTo(RiskScope.PRODUCT_LINE);
    }

    @Test
    void target_at_risk_fires_when_pipeline_is_one_cent_short_of_the_required_coverage() {
        RuleDefinition atRisk = rule("target-at-risk", Map.of("requiredCoverage", "3"));
        PortfolioSnapshot snapshot = new PortfolioSnapshot(CNY,
                List.of(ownedBy(anOpportunity("o-1"), "rep-1", 29_999, true), ownedBy(anOpportunity("o-2"), "rep-2", 30_000, true),
                        ownedBy(anOpportunity("o-3"), "rep-1", 90_000, false)),
                List.of(), List.of(new PortfolioSnapshot.RepFacts("rep-1", "team-1"), new PortfolioSnapshot.RepFacts("rep-2", "team-1")),
                List.of(new PortfolioSnapshot.TargetFacts("t-1", RiskScope.REP, "rep-1", 20_000, 10_000),
                        new PortfolioSnapshot.TargetFacts("t-2", RiskScope.REP, "rep-2", 20_000, 10_000),
                        new PortfolioSnapshot.TargetFacts("t-3", RiskScope.TEAM, "team-1", 40_000, 20_000),
                        new PortfolioSnapshot.TargetFacts("t-4", RiskScope.REP, "rep-3", 20_000, 20_000)),
                List.of(), List.of());
        List<Finding> findings = run(atRisk, snapshot);
        assertThat(findings).extracting(Finding::subject).containsExactly("target:t-1", "target:t-3");
        assertThat(findings.get(0).evidence()).containsEntry("gap", "100.00").containsEntry("openPipeline", "299.99")
                .containsEntry("coverage", "3.00").containsEntry("holder", "rep:rep-1");
    }

    @Test
    void churn_warning_fires_on_each_signal_at_its_threshold_and_not_one_below() {
        RuleDefinition churn = rule("churn-warning", Map.of("orderDrop", "0.30", "satisfactionDrop", "1", "noPurchaseDays", "90"));
        assertThat(subjects(churn, ofAccounts(
                churnSignals(anAccount("orders"), 7_000, 10_000, null, null, Optional.empty()),
                churnSignals(anAccount("orders-below"), 7_001, 10_000, null, null, Optional.empty()),
                churnSignals(anAccount("satisfaction"), 0, 0, "4.5", "3.5", Optional.empty()),
                churnSignals(anAccount("satisfaction-below"), 0, 0, "4.5", "3.6", Optional.empty()),
                churnSignals(anAccount("silent"), 0, 0, null, null, Optional.of(AS_OF.minusDays(90))),
                churnSignals(anAccount("silent-below"), 0, 0, null, null, Optional.of(AS_OF.minusDays(89))))))
                .containsExactly("account:orders", "account:satisfaction", "account:silent");
    }

    @Test
    void price_pressure_fires_when_discount_rose_in_each_of_the_last_n_periods() {
        RuleDefinition pressure = rule("price-pressure", Map.of("periods", "3"));
        PortfolioSnapshot rising = new PortfolioSnapshot(CNY, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new BigDecimal("0.20"), new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.07"), new BigDecimal("0.08")));
        PortfolioSnapshot flat = new PortfolioSnapshot(CNY, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.06"), new BigDecimal("0.08")));
        assertThat(subjects(pressure, rising)).containsExactly("portfolio");
        assertThat(subjects(pressure, flat)).isEmpty();
    }

    @Test
    void an_unknown_kind_or_a_rule_given_twice_is_a_programming_error() {
        assertThatThrownBy(() -> BuiltInRules.of(rule("no-such-kind", Map.of()))).isInstanceOf(IllegalArgumentException.class);
        RiskRule stalled = BuiltInRules.of(rule("stalled-deal", Map.of()));
        assertThatThrownBy(() -> RiskEngine.evaluate(ofOpportunities(), List.of(stalled, stalled), AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
