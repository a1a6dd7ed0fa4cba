package dev.saleskernel.budget;

import static dev.saleskernel.budget.Budgets.ACME;
import static dev.saleskernel.budget.Budgets.ALICE;
import static dev.saleskernel.budget.Budgets.AT;
import static dev.saleskernel.budget.Budgets.BOB;
import static dev.saleskernel.budget.Budgets.CNY;
import static dev.saleskernel.budget.Budgets.EAST_SALES_JAN;
import static dev.saleskernel.budget.Budgets.FY2026;
import static dev.saleskernel.budget.Budgets.PROMOTION;
import static dev.saleskernel.budget.Budgets.SALES;
import static dev.saleskernel.budget.Budgets.date;
import static dev.saleskernel.budget.Budgets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.target.Strategy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarianceReportScenarios {

    private static Budget spent() {
        Budget budget = Budgets.approved(ControlPolicy.NONE);
        budget = ok(budget.spend("inv-1", SALES, "east", date("2026-01-10"), 2_000_000L, "claims", ALICE, AT));
        budget = ok(budget.commit("po-1", SALES, "east", date("2026-01-12"), 250_000L, "order", ALICE, AT));
        return ok(budget.spend("inv-2", PROMOTION, "west", date("2026-03-01"), 1_800_000L, "fair", ALICE, AT));
    }

    @Test
    void a_line_reports_budget_committed_actual_remaining_and_variance_with_its_percentage() {
        VarianceReport.Row row = VarianceReport.of(spent()).line(EAST_SALES_JAN).orElseThrow();

        assertThat(row.budget()).isEqualTo(2_500_000L);
        assertThat(row.committed()).isEqualTo(250_000L);
        assertThat(row.actual()).isEqualTo(2_000_000L);
        assertThat(row.remaining()).isEqualTo(250_000L);
        assertThat(row.variance()).isEqualTo(500_000L);
        assertThat(row.variancePercent()).isEqualTo(new VarianceReport.Percent.Defined(new BigDecimal("20.00")));
    }

    @Test
    void an_overspent_line_has_a_negative_variance() {
        VarianceReport.Row row = VarianceReport.of(spent()).line("market-promotion/west/FY2026-M03").orElseThrow();

        assertThat(row.variance()).isEqualTo(-300_000L);
        assertThat(row.variancePercent()).isEqualTo(new VarianceReport.Percent.Defined(new BigDecimal("-20.00")));
    }

    @Test
    void units_roll_up_the_org_tree_and_categories_and_periods_sum_their_lines() {
        VarianceReport report = VarianceReport.of(spent());

        assertThat(report.byUnit()).extracting(VarianceReport.Row::key).containsExactly("company", "east", "west");
        assertThat(report.unit("company").orElseThrow().figures()).isEqualTo(new Figures(120_000_000L, 250_000L, 3_800_000L));
        assertThat(report.unit("east").orElseThrow().figures()).isEqualTo(new Figures(60_000_000L, 250_000L, 2_000_000L));
        assertThat(report.byCategory().get(1).figures()).isEqualTo(new Figures(36_000_000L, 0L, 1_800_000L));
        assertThat(report.byPeriod()).hasSize(12);
        assertThat(report.byPeriod().get(0).figures()).isEqualTo(new Figures(10_000_000L, 250_000L, 2_000_000L));
        assertThat(report.total().remaining()).isEqualTo(120_000_000L - 4_050_000L);
        assertThat(report.yearToDate("sales-expenses/east/FY2026-M03").orElseThrow().figures())
                .isEqualTo(new Figures(7_500_000L, 250_000L, 2_000_000L));
    }

    @Test
    void a_zero_budget_has_an_undefined_percentage_with_its_reason_never_zero() {
        Preparation p = new Preparation(0L, List.of(SALES), new Strategy.Equal(), List.of(BudgetUnit.root("solo", "Solo")),
                Map.of(), PeriodKind.YEAR, new Strategy.Equal(), ControlPolicy.NONE);
        Budget budget = ok(ok(ok(Budget.prepare(ACME, "b", "zero", CNY, FY2026, p, ALICE, AT)).propose("r", ALICE, AT))
                .approve(BOB, AT));
        budget = ok(budget.spend("inv-1", SALES, "solo", date("2026-05-05"), 100L, "x", ALICE, AT));

        VarianceReport.Row row = VarianceReport.of(budget).total();

        assertThat(row.variance()).isEqualTo(-100L);
        assertThat(row.variancePercent()).isInstanceOf(VarianceReport.Percent.Undefined.class);
        assertThat(((VarianceReport.Percent.Undefined) row.variancePercent()).reason()).contains("budget is 0");
    }
}
