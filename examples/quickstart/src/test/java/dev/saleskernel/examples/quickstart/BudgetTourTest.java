package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The budget tour's printed figures: preparation, the refused overspend with its figures, the warning, the transfer, the roll-up. */
class BudgetTourTest {
    private final String report = QuickstartTest.report();

    @Test
    void the_budget_is_prepared_exactly_and_approved_only_by_a_second_person() {
        assertThat(report).contains("li.na approves her own budget: refused [shared/PROPOSER_CANNOT_APPROVE]")
                .contains("budget FY2027 sales budget version 1 APPROVED: 2400000.00 CNY over 108 lines")
                .contains("the same expense claim EXP-0042 sent twice is recorded once");
    }

    @Test
    void the_overspend_is_refused_with_budget_committed_actual_requested_and_excess() {
        assertThat(report).contains("refused: budget/PERIOD_LIMIT_EXCEEDED {lineId=sales-expenses/sh/FY2027-M05, "
                        + "budget=35000.00, committed=8000.00, actual=21000.00, requested=6500.00, excess=500.00, currency=CNY}")
                .contains("warning (PERIOD): market-promotion/sh/FY2027-M05 budget 21000.00 CNY, requested 25000.00 CNY, "
                        + "excess 4000.00 CNY");
    }

    @Test
    void after_the_approved_transfer_the_lines_and_the_roll_up_show_the_exact_figures() {
        assertThat(report).contains("budget version 2, total still 2400000.00 CNY")
                .containsPattern("sales-expenses/sh/FY2027-M05 +40000.00 +8000.00 +27500.00 +4500.00 +144500.00")
                .containsPattern("sales-expenses/hz/FY2027-M05 +20000.00 +0.00 +0.00 +20000.00 +120000.00")
                .containsPattern("market-promotion/sh/FY2027-M05 +21000.00 +0.00 +25000.00 +-4000.00 +80000.00")
                .containsPattern("acme +2400000.00 +8000.00 +52500.00 +2347500.00 +97.81%")
                .containsPattern("sh +845000.00 +8000.00 +52500.00 +792500.00 +93.79%");
    }
}
