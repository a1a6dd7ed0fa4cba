package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The settlement tour: a quarter of advances and true-up, a recoverable draw and a clawback for one rep. */
class SettlementTourTest {

    @Test
    void the_tour_prints_each_months_statement_with_advances_draw_true_up_and_clawback() {
        String report = QuickstartTest.report();

        assertThat(report)
                .contains("li.na approves her own finalisation of FY2027-M01 -> refused: [shared/PROPOSER_CANNOT_APPROVE]")
                .contains("statement FY2027-M01 (FINALISED), total 1500.00 CNY")
                .contains("1 ADVANCE      commission       800.00  Σ ⌊deal payout × 0.80⌋ = 800.00")
                .contains("2 DRAW_TOP_UP  draw             700.00  1500.00 draw − 800.00 payable = 700.00; balance 0.00 → -700.00")
                .contains("statement FY2027-M02 (FINALISED), total 2500.00 CNY")
                .contains("2 DRAW_RECOVERY draw            -700.00")
                .contains("statement FY2027-M03 (FINALISED), total 1500.00 CNY")
                .contains("2 TRUE_UP      commission      1500.00  Σ deal payouts = 7500.00 − 6000.00 already settled = 1500.00")
                .contains("3 EARNINGS     breakthrough    1000.00")
                .contains("4 CLAWBACK     commission     -4000.00  −(4000.00 × 1) = -4000.00")
                .contains("5 DRAW_TOP_UP  draw            1000.00")
                .contains("the same cancellation arrives again -> nothing changed")
                .contains("paid over the quarter 5500.00 CNY; draw balance -1000.00 CNY; D-102 net 0.00 CNY");
    }
}
