package dev.saleskernel.target;

import static dev.saleskernel.target.Plans.ALICE;
import static dev.saleskernel.target.Plans.AT;
import static dev.saleskernel.target.Plans.BOB;
import static dev.saleskernel.target.Plans.aPlan;
import static dev.saleskernel.target.Plans.amount;
import static dev.saleskernel.target.Plans.assertSumsHold;
import static dev.saleskernel.target.Plans.children;
import static dev.saleskernel.target.Plans.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecompositionScenarios {

    @Test
    void equal_split_gives_the_extra_minor_units_to_the_first_children() {
        TargetPlan plan = ok(aPlan(10_000_000_01L).split("company", Dimension.REGION, children("north", "south", "west"),
                new Strategy.Equal(), ALICE, AT));

        assertThat(plan.children("company")).extracting(TargetNode::amount)
                .containsExactly(333_333_334L, 333_333_334L, 333_333_333L);
    }

    @Test
    void explicit_weights_split_exactly_by_largest_remainder() {
        TargetPlan plan = ok(aPlan(100).split("company", Dimension.PRODUCT_LINE, children("a", "b", "c"),
                new Strategy.Weights(Map.of("a", new BigDecimal("1"), "b", new BigDecimal("1"), "c", new BigDecimal("1"))),
                ALICE, AT));

        assertThat(plan.children("company")).extracting(TargetNode::amount).containsExactly(34L, 33L, 33L);
    }

    @Test
    void historical_share_splits_by_last_years_actuals_and_a_child_without_history_gets_nothing() {
        TargetPlan plan = ok(aPlan(1_000_000).split("company", Dimension.REGION, children("north", "south", "new"),
                new Strategy.HistoricalShare(Map.of("north", 300L, "south", 100L)), ALICE, AT));

        assertThat(plan.children("company")).extracting(TargetNode::amount).containsExactly(750_000L, 250_000L, 0L);
    }

    @Test
    void seasonality_splits_a_year_into_quarters_by_the_sum_of_their_monthly_percentages() {
        Strategy.Seasonality profile = Strategy.Seasonality.of(pct("5"), pct("5"), pct("10"), pct("8"), pct("8"),
                pct("9"), pct("7"), pct("7"), pct("10"), pct("9"), pct("10"), pct("12"));

        TargetPlan plan = ok(aPlan(12_000_000_00L).splitOverTime("company", PeriodKind.QUARTER, profile, ALICE, AT));

        assertThat(plan.children("company")).extracting(TargetNode::key)
                .containsExactly("FY2026-Q1", "FY2026-Q2", "FY2026-Q3", "FY2026-Q4");
        assertThat(plan.children("company")).extracting(TargetNode::amount)
                .containsExactly(240_000_000L, 300_000_000L, 288_000_000L, 372_000_000L);
    }

    @Test
    void a_seasonality_profile_that_does_not_sum_to_100_is_refused_with_every_reason() {
        Strategy.Seasonality profile = Strategy.Seasonality.of(pct("-5"), pct("5"), pct("10"), pct("8"), pct("8"),
                pct("9"), pct("7"), pct("7"), pct("10"), pct("9"), pct("10"), pct("12.1234567"));

        Scenario.given(aPlan(100)).when(p -> p.splitOverTime("company", PeriodKind.MONTH, profile, ALICE, AT))
                .thenRejected(TargetRejection.NEGATIVE_AMOUNT, TargetRejection.WEIGHT_OUT_OF_RANGE,
                        TargetRejection.SEASONALITY_NOT_100);
    }

    @Test
    void capacity_prorates_partial_periods_and_ramps_new_hires() {
        Strategy.Capacity capacity = new Strategy.Capacity(List.of(
                new Strategy.Seat("veteran", LocalDate.of(2020, 1, 1), Optional.empty()),
                new Strategy.Seat("new-hire", LocalDate.of(2026, 7, 1), Optional.empty()),
                new Strategy.Seat("leaver", LocalDate.of(2019, 1, 1), Optional.of(LocalDate.of(2026, 4, 1)))),
                92, new BigDecimal("0.5"));

        TargetPlan plan = ok(aPlan(1_000_000).split("company", Dimension.ORG, children("veteran", "new-hire", "leaver"),
                capacity, ALICE, AT));

        assertThat(plan.children("company")).extracting(TargetNode::weight)
                .containsExactly(365L * 10_000, 92L * 5_000 + 92L * 10_000, 90L * 10_000);
        assertThat(plan.children("company")).extracting(TargetNode::amount).containsExactly(615_514L, 232_715L, 151_771L);
    }

    @Test
    void an_override_locks_the_node_and_its_unlocked_siblings_absorb_in_proportion_to_their_values() {
        TargetPlan plan = ok(aPlan(1000).split("company", Dimension.REGION, children("a", "b", "c"),
                new Strategy.Weights(Map.of("a", BigDecimal.ONE, "b", BigDecimal.valueOf(3), "c", BigDecimal.ONE)), ALICE, AT));

        TargetPlan overridden = ok(plan.setAmount("company/a", 500, "a signed a framework contract", BOB, AT));

        assertThat(overridden.node("company/a").orElseThrow().locked()).isTrue();
        assertThat(amount(overridden, "company/b")).isEqualTo(375);
        assertThat(amount(overridden, "company/c")).isEqualTo(125);
        assertThat(overridden.changeLog()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("override");
            assertThat(e.actor()).isEqualTo(BOB);
            assertThat(e.reason()).isEqualTo("a signed a framework contract");
        });
    }

    @Test
    void locks_that_cannot_fit_are_refused_with_every_reason_and_change_nothing() {
        TargetPlan plan = ok(aPlan(1000).split("company", Dimension.REGION, children("a", "b", "c"), new Strategy.Equal(), ALICE, AT));
        TargetPlan locked = ok(plan.setAmount("company/a", 600, "lock", ALICE, AT));

        Scenario.given(locked).when(p -> p.setAmount("company/b", 500, "", ALICE, AT))
                .thenRejected(TargetRejection.LOCKS_EXCEED_PARENT, dev.saleskernel.shared.SharedRejection.REQUIRED);
        Scenario.given(locked).when(p -> p.setAmount("company/b", -1, "x", ALICE, AT))
                .thenRejected(TargetRejection.NEGATIVE_AMOUNT);
        TargetPlan twoLocked = ok(locked.setAmount("company/b", 100, "lock", ALICE, AT));
        Scenario.given(twoLocked).when(p -> p.setAmount("company/c", 200, "lock", ALICE, AT))
                .thenRejected(TargetRejection.NOTHING_TO_ABSORB);
    }

    @Test
    void editing_a_parent_re_decomposes_its_unlocked_subtree_and_keeps_locked_descendants() {
        TargetPlan plan = ok(aPlan(1200).split("company", Dimension.REGION, children("a", "b"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.splitOverTime("company/a", PeriodKind.QUARTER, new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.setAmount("company/a/FY2026-Q1", 300, "big Q1 deal", ALICE, AT));

        TargetPlan edited = ok(plan.setAmount("company", 2400, "board raised the target", BOB, AT));

        assertSumsHold(edited);
        assertThat(amount(edited, "company/a")).isEqualTo(1200);
        assertThat(amount(edited, "company/a/FY2026-Q1")).isEqualTo(300);
        assertThat(edited.children("company/a")).extracting(TargetNode::amount).containsExactly(300L, 300L, 300L, 300L);
        Scenario.given(plan).when(p -> p.setAmount("company", 400, "cut", ALICE, AT))
                .thenRejected(TargetRejection.LOCKS_EXCEED_PARENT);
    }

    @Test
    void approved_versions_are_immutable_and_the_proposer_cannot_approve() {
        TargetPlan proposed = ok(aPlan(1000).propose("ready", ALICE, AT));
        Scenario.given(proposed).when(p -> p.approve(ALICE, AT)).thenRejected(dev.saleskernel.shared.SharedRejection.PROPOSER_CANNOT_APPROVE);
        Scenario.given(proposed).when(p -> p.setAmount("company", 5, "x", ALICE, AT)).thenRejected(TargetRejection.VERSION_NOT_EDITABLE);
        TargetPlan approved = Scenario.given(proposed).when(p -> p.approve(BOB, AT))
                .thenEvents(TargetEvents.VersionApproved.class).state();

        Scenario.given(approved).when(p -> p.setAmount("company", 5, "x", ALICE, AT)).thenRejected(TargetRejection.VERSION_NOT_EDITABLE);
        TargetPlan v2 = ok(ok(approved.openNewVersion("Q2 reforecast", ALICE, AT)).setAmount("company", 1100, "reforecast", ALICE, AT));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(v2.approvedVersions()).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.amounts()).containsEntry("company", 1000L);
            assertThat(v.approvedBy()).isEqualTo(BOB);
        });
        assertThat(v2.changeLog()).extracting(ChangeLogEntry::action)
                .containsExactly("create", "propose", "approve", "open-version", "edit");
    }

    @Test
    void smart_checks_refuse_a_period_outside_the_parent_and_a_misaligned_metric_and_warn_on_growth() {
        Target parent = new Target(Metric.ORDER_COUNT, TargetUnit.count(), 100, dev.saleskernel.period.FiscalCalendar.CALENDAR_YEAR.quarter(2026, 1),
                "company", Map.of());

        var refused = TargetPlan.create(Plans.ACME, "p", "plan", Plans.revenue(1000, "north"), "North", Optional.of(parent),
                Optional.empty(), SmartCheck.DEFAULT_MAX_GROWTH, ALICE, AT);
        var warned = TargetPlan.create(Plans.ACME, "p", "plan", Plans.revenue(1000, "north"), "North", Optional.empty(),
                Optional.of(600L), SmartCheck.DEFAULT_MAX_GROWTH, ALICE, AT);

        assertThat(refused.getLeft().codes()).containsExactly(TargetRejection.PERIOD_OUTSIDE_PARENT.code(),
                TargetRejection.METRIC_NOT_ALIGNED.code());
        assertThat(((TargetEvents.PlanCreated) warned.get().events().get(0)).warnings()).singleElement()
                .asString().contains("target/GROWTH_BEYOND_BOUND").contains("0.6667");
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
