package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The accounts part of the quickstart report: a duplicate refusal and a handover. */
class AccountsTourTest {

    @Test
    void the_report_prints_the_duplicate_reasons_and_the_handover_with_its_history() {
        String report = QuickstartTest.report();

        assertThat(report).contains("new account 星辰贸易 (tax id 9131 0000 01) -> refused with 2 reasons:")
                .contains("customer/DUPLICATE_SUSPECTED profile.name: account xc-1, key NAME = 星辰贸易")
                .contains("customer/DUPLICATE_SUSPECTED profile.taxId: account xc-1, key TAX_ID = 9131000001")
                .contains("handover of zhao.lei (round robin in team, from 2026-09-01), 2 records in one commit:")
                .contains("    hd-1 -> qian.mei")
                .contains("    xc-1 -> sun.li")
                .contains("xc-1 owned by zhao.lei from 2026-08-17 until 2026-08-31 (created)")
                .contains("xc-1 owned by sun.li   from 2026-09-01 (zhao.lei moved to key accounts)");
    }
}
