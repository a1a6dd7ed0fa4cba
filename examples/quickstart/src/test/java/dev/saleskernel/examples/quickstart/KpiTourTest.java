package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The KPI and forecasting tour's printed figures, computed by hand. */
class KpiTourTest {
    private final String report = QuickstartTest.report();

    @Test
    void the_dashboard_rolls_branches_up_to_the_company_and_prorates_the_rep_who_joined_mid_quarter() {
        assertThat(report)
                .containsPattern("Acme +2600000.00 +4 +650000.00 +0.4473 +3 +33333.33 +557575.76")
                .containsPattern("Head office +1200000.00 +1 +1200000.00 +0.4000 +0 +- +1200000.00")
                .containsPattern("Shanghai branch +1000000.00 +3 +333333.33 +0.5500 +2 +30000.00 +375510.20")
                .containsPattern("Hangzhou branch +400000.00 +0 +- +0.3325 +1 +40000.00 +400000.00")
                .contains("head office has no new customer, so its acquisition cost is undefined (ZERO_DENOMINATOR: new-customers)")
                .contains("ranked by sales: 1. hq 2. sh 3. hz");
    }

    @Test
    void the_quarter_forecast_is_cumulative_against_target_and_managers_adjust_beside_the_deals() {
        assertThat(report)
                .contains("forecast FY2026-Q3 as of 2026-08-17 (target 6000000.00)")
                .contains("closed 2600000.00 | commit 3200000.00 | best case 4000000.00 | pipeline 4500000.00")
                .contains("weighted 1120000.00 | win-rate based 3983333.33 | run-rate 4983333.33 | gap to commit 2800000.00")
                .contains("left out: [o-4] (temp.xu is not in the sales organisation)")
                .contains("refused: forecast/OUTSIDE_SALES_HIERARCHY temp.xu is not in acme on 2026-08-17")
                .contains("submitted by li.na; wang.wei adjusted bo's commit by 800000.00 (\"bo's customer confirmed the budget\"): "
                        + "commit 3200000.00 -> 4000000.00, the deals untouched");
    }
}
