package dev.saleskernel.target;

import static dev.saleskernel.target.Plans.ALICE;
import static dev.saleskernel.target.Plans.AT;
import static dev.saleskernel.target.Plans.assertSumsHold;
import static dev.saleskernel.target.Plans.children;
import static dev.saleskernel.target.Plans.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Amounts at the edge of a long: refused with target/AMOUNT_OUT_OF_RANGE and the field, or computed exactly; never thrown. */
class OverflowScenarios {
    static final long MAX = TargetPlan.MAX_AMOUNT;
    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    static ActualFact fact(String id, long amount, String member) {
        return new ActualFact(id, Metric.REVENUE, amount, DAY, "sh-1", "cloud", "DIRECT",
                List.of(new ActualFact.Credit(member, BigDecimal.ONE)), Optional.empty());
    }

    @Test
    void a_target_of_long_max_value_is_refused_as_out_of_range_on_its_amount_field() {
        var refused = TargetPlan.create(Plans.ACME, "p", "huge", Plans.revenue(Long.MAX_VALUE, "company"), "Company",
                Optional.empty(), Optional.empty(), SmartCheck.DEFAULT_MAX_GROWTH, ALICE, AT);

        assertThat(refused.getLeft().codes()).containsExactly(TargetRejection.AMOUNT_OUT_OF_RANGE.code());
        assertThat(refused.getLeft().reasons().get(0).field()).isEqualTo("amount");
        Scenario.given(Plans.aPlan(100)).when(p -> p.setAmount("company", Long.MAX_VALUE, "more", ALICE, AT))
                .thenRejected(TargetRejection.AMOUNT_OUT_OF_RANGE);
    }

    @Test
    void the_largest_target_splits_exactly_by_the_largest_weights_even_though_the_weights_overflow_a_long_together() {
        Map<String, BigDecimal> weights = new HashMap<>();
        String[] keys = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        for (int i = 0; i < keys.length; i++) {
            weights.put(keys[i], Decomposer.MAX_WEIGHT.subtract(BigDecimal.valueOf(i)));
        }

        TargetPlan split = ok(Plans.aPlan(MAX).split("company", Dimension.REGION, children(keys), new Strategy.Weights(weights),
                ALICE, AT));

        assertSumsHold(split);
        assertThat(split.root().amount()).isEqualTo(MAX);
        assertThat(split.children("company")).extracting(TargetNode::amount).isSortedAccordingTo((x, y) -> Long.compare(y, x));
    }

    @Test
    void a_lock_whose_sum_with_the_locked_siblings_passes_a_long_is_refused_as_exceeding_the_parent() {
        TargetPlan plan = ok(Plans.aPlan(MAX).split("company", Dimension.REGION, children("a", "b", "c"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.setAmount("company/a", MAX - 1, "most", ALICE, AT));

        Scenario.given(plan).when(p -> p.setAmount("company/b", MAX, "all", ALICE, AT))
                .thenRejected(TargetRejection.LOCKS_EXCEED_PARENT);
    }

    @Test
    void a_commitment_that_carries_a_bottom_up_total_past_the_range_is_refused_and_gaps_stay_computable() {
        TargetPlan plan = ok(Plans.aPlan(MAX).split("company", Dimension.REGION, children("a", "b"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.submitCommitment("company/a", MAX, ALICE, AT));

        Rejected refused = Scenario.given(plan).when(p -> p.submitCommitment("company/b", 1, ALICE, AT))
                .thenRejected(TargetRejection.AMOUNT_OUT_OF_RANGE);

        assertThat(refused.reasons().get(0).field()).isEqualTo("amount");
        assertThat(plan.gaps()).extracting(TargetPlan.Gap::bottomUp).contains(Optional.of(MAX));
    }

    @Test
    void accepting_bottom_up_figures_that_would_take_the_node_past_the_range_is_refused() {
        TargetPlan plan = ok(Plans.aPlan(MAX).split("company", Dimension.REGION, children("a", "b"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.setAmount("company/a", MAX - 1, "most", ALICE, AT));
        plan = ok(plan.submitCommitment("company/b", MAX, ALICE, AT));

        Scenario.given(plan).when(p -> p.reconcile("company", new Reconciliation.AcceptBottomUp(), "accept", ALICE, AT))
                .thenRejected(TargetRejection.AMOUNT_OUT_OF_RANGE);
    }

    @Test
    void a_blend_of_amounts_above_ten_to_the_thirteen_is_exact_where_six_decimal_weights_no_longer_fit_a_long() {
        TargetPlan plan = ok(Plans.aPlan(1_000_000_000_000_000_000L).split("company", Dimension.REGION, children("a", "b"),
                new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.submitCommitment("company/a", 600_000_000_000_000_002L, ALICE, AT));
        plan = ok(plan.submitCommitment("company/b", 600_000_000_000_000_000L, ALICE, AT));

        TargetPlan blended = ok(plan.reconcile("company", new Reconciliation.Blend(new BigDecimal("0.5")), "blend", ALICE, AT));

        assertSumsHold(blended);
        assertThat(blended.children("company")).extracting(TargetNode::amount)
                .containsExactly(550_000_000_000_000_001L, 550_000_000_000_000_000L);
    }

    @Test
    void a_ledger_refuses_a_fact_that_would_carry_its_absolute_total_past_a_long() {
        Actuals ledger = Actuals.empty().record(fact("f1", Long.MAX_VALUE - 5, "ann")).get();

        Rejected refused = ledger.record(fact("f2", -6, "ann")).getLeft();

        assertThat(refused.codes()).containsExactly(TargetRejection.AMOUNT_OUT_OF_RANGE.code());
        assertThat(refused.reasons().get(0).field()).isEqualTo("amount");
        assertThat(ledger.record(fact("f2", -5, "ann")).get().absoluteTotal()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_fact_of_long_min_value_is_misuse_since_it_could_never_be_reversed() {
        assertThatThrownBy(() -> fact("f", Long.MIN_VALUE, "ann")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crediting_facts_whose_sum_passes_a_long_is_refused_naming_the_fact_and_never_wraps_or_throws_arithmetic() {
        OrgStructure org = OrgStructure.empty(TenantId.of("acme"));
        List<ActualFact> facts = List.of(fact("f1", Long.MAX_VALUE, "ann"), fact("f2", 1, "ann"));
        Attainment.Filter filter = Attainment.Filter.of(Metric.REVENUE, FiscalCalendar.CALENDAR_YEAR.year(2026).range());

        Rejected refused = Attainment.creditChecked(facts, org, filter).getLeft();

        assertThat(refused.codes()).containsExactly(TargetRejection.AMOUNT_OUT_OF_RANGE.code());
        assertThat(refused.reasons().get(0).subject()).isEqualTo("actual:f2");
        assertThat(refused.reasons().get(0).field()).isEqualTo("amount");
        assertThatThrownBy(() -> Attainment.credit(facts, org, filter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AMOUNT_OUT_OF_RANGE");
    }

    @Test
    void growth_between_extreme_values_is_exact_and_a_run_rate_beyond_a_long_is_refused() {
        assertThat(Attainment.growth(Long.MAX_VALUE, -1)).contains(new BigDecimal("9223372036854775808.0000"));
        assertThat(Attainment.growth(0, Long.MIN_VALUE)).contains(new BigDecimal("1.0000"));
        var year = FiscalCalendar.CALENDAR_YEAR.year(2026);

        assertThat(Attainment.projectRunRate(Long.MAX_VALUE / 2, year, year.start()).getLeft().codes())
                .containsExactly(TargetRejection.AMOUNT_OUT_OF_RANGE.code());
        assertThat(Attainment.projectRunRate(Long.MAX_VALUE, year, year.endExclusive().minusDays(1)).get()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_plan_reaches_a_refusal_not_an_exception_when_the_reason_is_also_required() {
        Scenario.given(Plans.aPlan(100)).when(p -> p.setAmount("company", Long.MAX_VALUE, " ", ALICE, AT))
                .thenRejected(TargetRejection.AMOUNT_OUT_OF_RANGE, SharedRejection.REQUIRED);
    }
}
