package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The commissions part of the quickstart report. */
class CompensationTourTest {

    @Test
    void the_report_prints_anns_quarter_with_every_line_explained() {
        String report = QuickstartTest.report();

        assertThat(report).contains("li.na publishing her own plan -> refused: [shared/PROPOSER_CANNOT_APPROVE]")
                .contains("plan field-sales v1 published by wang.wei, in force for FY2026-Q2")
                .contains("ann   credited   1,300,000.00  earned   115,433.34")
                .contains("    base            40,000.00  base-salary: annual base 160,000.00 × 3/12 = 40,000.00")
                .contains("    commission      64,000.00  tiered/marginal: 500,000.00 × 3% + 500,000.00 × 5% + 300,000.00 × 8% = 64,000.00")
                .contains("    breakthrough    10,000.00  breakthrough: attainment 130.00% ≥ 120% → 10,000.00 fixed = 10,000.00")
                .contains("    team-pool        1,433.34  team-pool: (team revenue 2,930,000.00 − team target 2,500,000.00) × 1% = pool 4,300.00;"
                        + " share by weight 1 of 3 = 1,433.34")
                .contains("    total          115,433.34")
                .contains("of which split credit=320,000.00")
                .contains("    deal crm-2001  paid  34,461.54 of commission at 0.049231, credited on 2026-04-10");
    }
}
