package dev.saleskernel.budget;

import static dev.saleskernel.budget.Budgets.ACME;
import static dev.saleskernel.budget.Budgets.ALICE;
import static dev.saleskernel.budget.Budgets.AT;
import static dev.saleskernel.budget.Budgets.BOB;
import static dev.saleskernel.budget.Budgets.CHANNEL;
import static dev.saleskernel.budget.Budgets.CNY;
import static dev.saleskernel.budget.Budgets.EAST_SALES_JAN;
import static dev.saleskernel.budget.Budgets.FY2026;
import static dev.saleskernel.budget.Budgets.PROMOTION;
import static dev.saleskernel.budget.Budgets.SALES;
import static dev.saleskernel.budget.Budgets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.target.PlanStatus;
import dev.saleskernel.target.Strategy;
import dev.saleskernel.target.TargetRejection;
import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetPreparationScenarios {

    @Test
    void a_budget_prepared_top_down_splits_the_total_by_category_then_unit_then_month() {
        Budget budget = Budgets.draft(ControlPolicy.STRICT);

        assertThat(budget.lines()).hasSize(3 * 2 * 12);
        assertThat(budget.total()).isEqualTo(120_000_000L);
        assertThat(budget.figures(EAST_SALES_JAN).budget()).isEqualTo(2_500_000L);
        assertThat(budget.line("market-promotion/west/FY2026-M12").orElseThrow().amount()).isEqualTo(1_500_000L);
        assertThat(budget.line("channel-maintenance/east/FY2026-M06").orElseThrow().amount()).isEqualTo(1_000_000L);
        assertThat(VarianceReport.of(budget).byCategory()).extracting(VarianceReport.Row::budget)
                .containsExactly(60_000_000L, 36_000_000L, 24_000_000L);
        assertThat(budget.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(budget.changeLog()).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("prepare"));
    }

    @Test
    void an_indivisible_total_is_split_by_largest_remainder_and_still_sums_exactly() {
        Preparation p = new Preparation(1_000_003L, List.of(SALES, PROMOTION, CHANNEL), new Strategy.Equal(),
                Budgets.units(), Map.of("company", new Strategy.Weights(Map.of("east", new BigDecimal("2"), "west",
                BigDecimal.ONE))), PeriodKind.QUARTER, new Strategy.Equal(), ControlPolicy.STRICT);

        Budget budget = ok(Budget.prepare(ACME, "b", "odd", CNY, FY2026, p, ALICE, AT));

        assertThat(budget.total()).isEqualTo(1_000_003L);
        assertThat(VarianceReport.of(budget).byCategory()).extracting(VarianceReport.Row::budget)
                .containsExactly(333_335L, 333_334L, 333_334L);
        assertThat(VarianceReport.of(budget).unit("east").orElseThrow().budget()).isEqualTo(666_669L);
        assertThat(budget.line("sales-expenses/east/FY2026-Q1").orElseThrow().amount()).isEqualTo(55_556L);
    }

    @Test
    void a_seasonality_profile_weighs_the_months_like_target_decomposition() {
        BigDecimal[] percentages = new BigDecimal[12];
        java.util.Arrays.fill(percentages, new BigDecimal("5"));
        percentages[11] = new BigDecimal("45");
        Preparation p = new Preparation(1_000_000L, List.of(SALES), new Strategy.Equal(), List.of(BudgetUnit.root("solo", "Solo")),
                Map.of(), PeriodKind.MONTH, Strategy.Seasonality.of(percentages), ControlPolicy.STRICT);

        Budget budget = ok(Budget.prepare(ACME, "b", "seasonal", CNY, FY2026, p, ALICE, AT));

        assertThat(budget.line("sales-expenses/solo/FY2026-M12").orElseThrow().amount()).isEqualTo(450_000L);
        assertThat(budget.line("sales-expenses/solo/FY2026-M01").orElseThrow().amount()).isEqualTo(50_000L);
    }

    @Test
    void a_preparation_with_a_broken_tree_repeated_categories_a_bad_grain_and_a_negative_total_names_every_reason() {
        Preparation p = new Preparation(-1L, List.of(SALES, SALES), new Strategy.Equal(),
                List.of(BudgetUnit.root("company", "Company"), BudgetUnit.child("east", "nowhere", "East")),
                Map.of(), PeriodKind.YEAR, new Strategy.Equal(), ControlPolicy.STRICT);

        var result = Budget.prepare(ACME, "b", "broken", CNY, FiscalCalendar.CALENDAR_YEAR.quarter(2026, 1), p, ALICE, AT);

        assertThat(result.getLeft().codes()).containsExactlyInAnyOrder(BudgetRejection.AMOUNT_NOT_POSITIVE.code(),
                BudgetRejection.CATEGORIES_INVALID.code(), BudgetRejection.UNITS_INVALID.code(),
                BudgetRejection.PERIOD_NOT_SPLITTABLE.code());
    }

    @Test
    void weights_that_cannot_be_formed_are_refused_with_the_target_codes() {
        Preparation p = new Preparation(100L, List.of(SALES, PROMOTION), new Strategy.Weights(Map.of(SALES.code(), BigDecimal.ONE)),
                Budgets.units(), Map.of("east", new Strategy.Equal()), PeriodKind.MONTH, new Strategy.Equal(), ControlPolicy.STRICT);

        var result = Budget.prepare(ACME, "b", "weights", CNY, FY2026, p, ALICE, AT);

        assertThat(result.getLeft().codes()).containsExactlyInAnyOrder(TargetRejection.WEIGHT_MISSING.code(),
                BudgetRejection.UNITS_INVALID.code());
    }

    @Test
    void the_proposer_cannot_approve_and_a_second_person_can() {
        Budget proposed = ok(Budgets.draft(ControlPolicy.STRICT).propose("ready for review", ALICE, AT));

        Scenario.given(proposed).when(b -> b.approve(ALICE, AT)).thenRejected(SharedRejection.PROPOSER_CANNOT_APPROVE);
        Budget approved = ok(proposed.approve(BOB, AT));

        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.changeLog()).extracting(e -> e.action() + ":" + e.actor().value() + ":" + e.reason())
                .containsExactly("prepare:alice:prepared top-down", "propose:alice:ready for review",
                        "approve:bob:ready for review");
    }

    @Test
    void a_draft_line_can_be_edited_with_a_reason_but_an_approved_one_cannot() {
        Budget draft = Budgets.draft(ControlPolicy.STRICT);

        Budget edited = ok(draft.setLineAmount(EAST_SALES_JAN, 3_000_000L, "trade fair in January", ALICE, AT));

        assertThat(edited.total()).isEqualTo(120_500_000L);
        assertThat(edited.changeLog().get(1).detail()).isEqualTo("25000.00 CNY -> 30000.00 CNY");
        Scenario.given(Budgets.approved(ControlPolicy.STRICT))
                .when(b -> b.setLineAmount(EAST_SALES_JAN, 1L, "late change", ALICE, AT))
                .thenRejected(BudgetRejection.VERSION_NOT_EDITABLE);
        Scenario.given(draft).when(b -> b.setLineAmount("nope", -1L, " ", ALICE, AT))
                .thenRejected(BudgetRejection.LINE_NOT_FOUND, BudgetRejection.AMOUNT_NOT_POSITIVE, SharedRejection.REQUIRED);
    }

    @Test
    void a_rejected_proposal_returns_the_budget_to_draft() {
        Budget proposed = ok(Budgets.draft(ControlPolicy.STRICT).propose("ready", ALICE, AT));

        Budget rejected = ok(proposed.reject("too much promotion", BOB, AT));

        assertThat(rejected.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(rejected.pending()).isEmpty();
        Scenario.given(Budgets.draft(ControlPolicy.STRICT)).when(b -> b.approve(BOB, AT)).thenRejected(BudgetRejection.WRONG_STATUS);
    }

    @Test
    void a_draft_policy_change_is_applied_to_the_line_and_logged() {
        Budget budget = ok(Budgets.draft(ControlPolicy.STRICT).setPolicy(EAST_SALES_JAN,
                ControlPolicy.of(ControlPolicy.Action.WARN, ControlPolicy.Action.STOP), "soft in January", ALICE, AT));

        assertThat(budget.line(EAST_SALES_JAN).orElseThrow().policy().period()).isEqualTo(ControlPolicy.Action.WARN);
        assertThat(budget.line("sales-expenses/east/FY2026-M02").orElseThrow().policy()).isEqualTo(ControlPolicy.STRICT);
        assertThat(budget.changeLog()).last().satisfies(e -> assertThat(e.action()).isEqualTo("set-policy"));
        assertThat(CHANNEL.code()).isEqualTo("channel-maintenance");
    }
}
