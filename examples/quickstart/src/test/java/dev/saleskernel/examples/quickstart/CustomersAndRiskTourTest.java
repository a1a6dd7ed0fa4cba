package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The customers-and-risk part of the quickstart report. */
class CustomersAndRiskTourTest {

    @Test
    void the_report_prints_the_abc_table_and_the_open_findings_with_their_evidence() {
        String report = QuickstartTest.report();

        assertThat(report).contains("  A             2             0.2000     7000000.00           0.7000")
                .contains("  C             5             0.5000     1000000.00           0.1000")
                .contains("account:华东电力  credit.exposure v1  {creditLimit=4000000.00, openReceivables=4500000.00}")
                .contains("opportunity:o-101  process.stalled-deal v1  {stage=negotiation, daysInStage=40, stageMaxDays=21}")
                .contains("coverage=0.30, requiredCoverage=3")
                .contains("rep:zhao.lei  team.key-person v1")
                .contains("process.discount v2  {discount=0.18, maxDiscount=0.15, amount=300000.00}")
                .contains("evaluated again: still 6 open findings (deduplicated)");
    }
}
