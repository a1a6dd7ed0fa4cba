package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The funnel tour moves deals through the default pipeline and prints the funnel report. */
class FunnelTourTest {

    @Test
    void the_tour_prints_refusals_and_the_funnel_report_of_its_deals() {
        String report = QuickstartTest.report();

        assertThat(report).contains("deal-1 to needs analysis before any visit or close date -> refused: "
                        + "funnel/FIELD_REQUIRED [expectedCloseDate], funnel/ACTIVITY_REQUIRED [activities]")
                .contains("deal-2 offered at 30% discount -> refused: funnel/DISCOUNT_NEEDS_APPROVAL [lines[0].discount]")
                .contains("deal-1 won at 115000.00 -> won")
                .contains("funnel report over 5 deals")
                .contains("win rate 0.6667 by count, 0.8462 by amount")
                .contains("weighted pipeline 198000.00 CNY; open pipeline 280000.00 CNY; commit roll-up 165000.00 CNY; "
                        + "best-case roll-up 445000.00 CNY")
                .contains("coverage of a remaining target of 250000.00 CNY: 1.1200")
                .contains("stalled 20 days from now: [deal-3]");
    }

    @Test
    void the_tour_captures_a_lead_assigns_it_by_round_robin_and_converts_it_once_into_account_contact_and_a_sixth_deal() {
        String report = QuickstartTest.report();

        assertThat(report).contains("lead-1 (Globex Trading, Li Wei) assigned by round robin to wang.fang")
                .contains("converting before qualifying -> refused: funnel/LEAD_STATUS")
                .contains("lead-1 converted -> deal-6 in lead-identification worth 150000.00 CNY for account "
                        + "acct-globex; contact Li Wei <li.wei@globex.example> +86 21 5555 0100")
                .contains("account acct-globex (Globex Trading, owner wang.fang) created in the same commit with contact "
                        + "contact-li-wei")
                .contains("converting lead-1 again -> 0 events, still 6 deals");
    }
}
