package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quickstart is documentation that runs: its report must keep showing what the README promises. */
class QuickstartTest {

    static String report() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_report_shows_refusals_with_every_reason_and_the_four_eyes_rule() {
        String report = report();

        assertThat(report).contains("refused: shared/NOT_AUTHORISED")
                .contains("refused: shared/REQUIRED [displayName]")
                .contains("refused: shared/NOT_ALLOWED [roundingMode]")
                .contains("refused: shared/PROPOSER_CANNOT_APPROVE")
                .contains("already done, nothing repeated (version 3)");
    }

    @Test
    void the_report_shows_exact_periods_proration_allocation_and_conversion() {
        String report = report();

        assertThat(report).contains("2026-08-17 falls in FY2027, FY2027-H1, FY2027-Q2, FY2027-M05")
                .contains("45/92 of the quarter, target 146739.13 CNY")
                .contains("130434.78 CNY + 169565.22 CNY = 300000.00 CNY")
                .contains("4285.72 CNY, 4285.71 CNY, 1428.57 CNY (sum 10000.00 CNY)")
                .contains("closed on 2026-07-20 -> 88812.50 CNY")
                .contains("closed on 2026-06-30 -> refused: money/RATE_MISSING")
                .contains("refused: money/AMOUNT_TOO_LARGE [rates[0].rate]");
    }

    @Test
    void the_audit_trail_lists_each_accepted_change_once_in_commit_order() {
        String report = report();

        assertThat(report).containsSubsequence("#1 tenant-settings.configured by li.na",
                "#2 tenant-settings.change-proposed by li.na", "#3 tenant-settings.change-approved by wang.wei");
        assertThat(report).doesNotContain("#4 ");
    }
}
