package dev.saleskernel.budget;

import static dev.saleskernel.budget.Budgets.ALICE;
import static dev.saleskernel.budget.Budgets.AT;
import static dev.saleskernel.budget.Budgets.EAST_SALES_FEB;
import static dev.saleskernel.budget.Budgets.EAST_SALES_JAN;
import static dev.saleskernel.budget.Budgets.SALES;
import static dev.saleskernel.budget.Budgets.date;
import static dev.saleskernel.budget.Budgets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.budget.BudgetEvents.LimitWarning;
import dev.saleskernel.budget.ControlPolicy.Action;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.testing.Scenario;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/**
 * Budget control at, below and above each limit. The January east sales-expenses line is
 * 25,000.00 CNY (2,500,000 fen); the accumulated budget up to February is 50,000.00 CNY.
 */
class BudgetControlScenarios {
    private static final ControlPolicy PERIOD_STOP = ControlPolicy.of(Action.STOP, Action.IGNORE);
    private static final ControlPolicy PERIOD_WARN = ControlPolicy.of(Action.WARN, Action.IGNORE);
    private static final ControlPolicy ACCUMULATED_STOP = ControlPolicy.of(Action.IGNORE, Action.STOP);
    private static final ControlPolicy ACCUMULATED_WARN = ControlPolicy.of(Action.IGNORE, Action.WARN);

    private static Either<Rejected, Change<Budget>> spendInJanuary(Budget budget, String sourceId, long fen) {
        return budget.spend(sourceId, SALES, "east", date("2026-01-20"), fen, "expense claim", ALICE, AT);
    }

    private static Either<Rejected, Change<Budget>> spendInFebruary(Budget budget, String sourceId, long fen) {
        return budget.spend(sourceId, SALES, "east", date("2026-02-10"), fen, "expense claim", ALICE, AT);
    }

    @Test
    void under_a_period_stop_a_spend_below_the_budget_is_accepted() {
        Scenario.given(Budgets.approved(PERIOD_STOP)).when(b -> spendInJanuary(b, "inv-1", 2_499_999L))
                .thenEvents(BudgetEvents.FactRecorded.class);
    }

    @Test
    void under_a_period_stop_a_spend_reaching_the_budget_exactly_is_accepted() {
        Budget budget = ok(spendInJanuary(Budgets.approved(PERIOD_STOP), "inv-1", 2_500_000L));

        assertThat(budget.remaining(EAST_SALES_JAN)).isZero();
    }

    @Test
    void under_a_period_stop_a_spend_one_fen_above_the_budget_is_refused_with_the_figures() {
        Budget budget = ok(Budgets.approved(PERIOD_STOP).commit("po-1", SALES, "east", date("2026-01-03"), 1_000_000L,
                "purchase order", ALICE, AT));
        budget = ok(spendInJanuary(budget, "inv-1", 1_000_000L));

        Rejected rejected = Scenario.given(budget).when(b -> spendInJanuary(b, "inv-2", 500_001L))
                .thenRejected(BudgetRejection.PERIOD_LIMIT_EXCEEDED);

        assertThat(rejected.reasons().get(0).evidence()).containsEntry("budget", "25000.00")
                .containsEntry("committed", "10000.00").containsEntry("actual", "10000.00")
                .containsEntry("requested", "5000.01").containsEntry("excess", "0.01")
                .containsEntry("lineId", EAST_SALES_JAN).containsEntry("currency", "CNY");
    }

    @Test
    void under_a_period_warn_a_crossing_is_accepted_with_a_warning_carrying_the_figures() {
        Change<Budget> change = Scenario.given(Budgets.approved(PERIOD_WARN))
                .when(b -> spendInJanuary(b, "inv-1", 2_600_000L))
                .thenEvents(BudgetEvents.FactRecorded.class, LimitWarning.class);

        LimitWarning warning = (LimitWarning) change.events().get(1);
        assertThat(warning.scope()).isEqualTo(BudgetEvents.Scope.PERIOD);
        assertThat(warning.budget()).isEqualTo(2_500_000L);
        assertThat(warning.requested()).isEqualTo(2_600_000L);
        assertThat(warning.excess()).isEqualTo(100_000L);
        assertThat(change.state().remaining(EAST_SALES_JAN)).isEqualTo(-100_000L);
    }

    @Test
    void under_a_period_warn_reaching_the_budget_exactly_raises_no_warning() {
        Scenario.given(Budgets.approved(PERIOD_WARN)).when(b -> spendInJanuary(b, "inv-1", 2_500_000L))
                .thenEvents(BudgetEvents.FactRecorded.class);
    }

    @Test
    void under_ignore_on_both_checks_any_crossing_is_accepted_silently() {
        Change<Budget> change = Scenario.given(Budgets.approved(ControlPolicy.NONE))
                .when(b -> spendInJanuary(b, "inv-1", 9_000_000L)).thenEvents(BudgetEvents.FactRecorded.class);

        assertThat(change.state().remainingYearToDate(EAST_SALES_JAN)).isEqualTo(-6_500_000L);
    }

    @Test
    void under_an_accumulated_stop_february_may_use_what_january_left_up_to_the_year_to_date_budget() {
        Budget budget = ok(spendInJanuary(Budgets.approved(ACCUMULATED_STOP), "inv-1", 1_000_000L));

        Budget atLimit = ok(spendInFebruary(budget, "inv-2", 4_000_000L));

        assertThat(atLimit.figures(EAST_SALES_FEB).remaining()).isEqualTo(-1_500_000L);
        assertThat(atLimit.remainingYearToDate(EAST_SALES_FEB)).isZero();
    }

    @Test
    void under_an_accumulated_stop_a_spend_one_fen_above_the_year_to_date_budget_is_refused_with_the_figures() {
        Budget budget = ok(spendInJanuary(Budgets.approved(ACCUMULATED_STOP), "inv-1", 1_000_000L));

        Rejected rejected = Scenario.given(budget).when(b -> spendInFebruary(b, "inv-2", 4_000_001L))
                .thenRejected(BudgetRejection.ACCUMULATED_LIMIT_EXCEEDED);

        assertThat(rejected.reasons().get(0).evidence()).containsEntry("budget", "50000.00")
                .containsEntry("committed", "0.00").containsEntry("actual", "10000.00")
                .containsEntry("requested", "40000.01").containsEntry("excess", "0.01")
                .containsEntry("lineId", EAST_SALES_FEB);
    }

    @Test
    void under_an_accumulated_stop_a_spend_below_the_year_to_date_budget_is_accepted() {
        Scenario.given(Budgets.approved(ACCUMULATED_STOP)).when(b -> spendInFebruary(b, "inv-1", 4_999_999L))
                .thenEvents(BudgetEvents.FactRecorded.class);
    }

    @Test
    void under_an_accumulated_warn_a_crossing_is_accepted_with_an_accumulated_warning() {
        Change<Budget> change = Scenario.given(Budgets.approved(ACCUMULATED_WARN))
                .when(b -> spendInFebruary(b, "inv-1", 5_000_100L))
                .thenEvents(BudgetEvents.FactRecorded.class, LimitWarning.class);

        LimitWarning warning = (LimitWarning) change.events().get(1);
        assertThat(warning.scope()).isEqualTo(BudgetEvents.Scope.ACCUMULATED);
        assertThat(warning.budget()).isEqualTo(5_000_000L);
        assertThat(warning.excess()).isEqualTo(100L);
    }

    @Test
    void a_spend_crossing_both_stop_limits_is_refused_with_both_reasons() {
        Scenario.given(Budgets.approved(ControlPolicy.STRICT)).when(b -> spendInJanuary(b, "inv-1", 2_500_001L))
                .thenRejected(BudgetRejection.PERIOD_LIMIT_EXCEEDED, BudgetRejection.ACCUMULATED_LIMIT_EXCEEDED);
    }

    @Test
    void a_period_warn_with_an_accumulated_stop_refuses_when_the_year_to_date_budget_would_be_crossed() {
        Scenario.given(Budgets.approved(ControlPolicy.of(Action.WARN, Action.STOP)))
                .when(b -> spendInJanuary(b, "inv-1", 2_500_001L))
                .thenRejected(BudgetRejection.ACCUMULATED_LIMIT_EXCEEDED);
    }

    @Test
    void a_commitment_counts_against_the_limit_like_actual_spend() {
        Budget budget = ok(Budgets.approved(PERIOD_STOP).commit("po-1", SALES, "east", date("2026-01-03"), 2_000_000L,
                "purchase order", ALICE, AT));

        Scenario.given(budget).when(b -> spendInJanuary(b, "inv-1", 500_001L)).thenRejected(BudgetRejection.PERIOD_LIMIT_EXCEEDED);
    }

    @Test
    void converting_a_commitment_is_never_controlled_because_it_does_not_raise_use() {
        Budget budget = ok(Budgets.approved(PERIOD_STOP).commit("po-1", SALES, "east", date("2026-01-03"), 2_500_000L,
                "purchase order", ALICE, AT));

        Budget converted = ok(budget.convert("inv-1", "po-1", date("2026-01-25"), 2_500_000L, "invoice", ALICE, AT));

        assertThat(converted.figures(EAST_SALES_JAN)).isEqualTo(new Figures(2_500_000L, 0L, 2_500_000L));
        assertThat(converted.openCommitment("po-1")).contains(0L);
    }
}
