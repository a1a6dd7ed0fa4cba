package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The targets tour's printed figures: exact decomposition, the override, approval and attainment. */
class TargetsTourTest {
    private final String report = QuickstartTest.report();

    @Test
    void the_annual_target_is_decomposed_exactly_and_the_override_is_absorbed_by_the_siblings() {
        assertThat(report).containsPattern("Acme +36000000.00 CNY +4000000.00 CNY +11.1% +10503597.12 CNY")
                .containsPattern("Shanghai branch +12600000.00 CNY")
                .containsPattern("bo +4500000.00 CNY +480000.00 CNY +10.7%")
                .containsPattern("ann +4050000.00 CNY +320000.00 CNY +7.9%")
                .containsPattern("chen +4050000.00 CNY")
                .containsPattern("FY2027-M09 +567000.00 CNY")
                .contains("refused: target/LOCKS_EXCEED_PARENT {parent=1260000000, locked=1350000000}");
    }

    @Test
    void the_plan_is_approved_by_a_second_person_and_split_credit_counts_40_percent_for_ann() {
        assertThat(report).contains("plan FY2027 revenue version 1 APPROVED by wang.wei")
                .containsPattern("FY2027-M02 +324000.00 CNY +320000.00 CNY +98.8%")
                .containsSubsequence("Head office", "zhou", "wu", "Shanghai branch", "ann", "FY2027-M01", "bo", "chen",
                        "Hangzhou branch", "cai");
    }

    @Test
    void org_changes_go_through_the_service_and_a_mid_year_move_keeps_the_history_answerable() {
        assertThat(report).containsPattern("org changes go through kernel.org\\(\\) \\(stored document version 21\\); chen moves "
                        + "Shanghai -> Hangzhou on 2026-07-01")
                .contains("in Shanghai on 2026-06-30: ann, bo, chen; on 2026-07-01: ann, bo")
                .contains("the move re-sent with its command id: replayed=true, nothing changed")
                .contains("an account in zhejiang falls in territory East China; product line cloud is \"Cloud\" on 2026-06-30 and "
                        + "\"Cloud & AI\" on 2026-07-01");
    }

    @Test
    void a_deal_after_the_move_counts_for_the_new_branch_and_still_for_the_rep() {
        assertThat(report).containsPattern("Shanghai branch +12600000.00 CNY +800000.00 CNY")
                .containsPattern("Hangzhou branch +9000000.00 CNY +1350000.00 CNY")
                .containsPattern("chen +4050000.00 CNY +400000.00 CNY");
    }
}
