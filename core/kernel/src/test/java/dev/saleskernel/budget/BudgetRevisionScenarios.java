package dev.saleskernel.budget;

import static dev.saleskernel.budget.Budgets.ALICE;
import static dev.saleskernel.budget.Budgets.AT;
import static dev.saleskernel.budget.Budgets.BOB;
import static dev.saleskernel.budget.Budgets.EAST_SALES_JAN;
import static dev.saleskernel.budget.Budgets.SALES;
import static dev.saleskernel.budget.Budgets.WEST_SALES_JAN;
import static dev.saleskernel.budget.Budgets.date;
import static dev.saleskernel.budget.Budgets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetRevisionScenarios {

    @Test
    void a_proposed_transfer_changes_nothing_until_a_second_person_approves_it() {
        Budget proposed = ok(Budgets.approved(ControlPolicy.STRICT).proposeTransfer("r-1", WEST_SALES_JAN, EAST_SALES_JAN,
                500_000L, "east has the trade fair", ALICE, AT));

        assertThat(proposed.figures(EAST_SALES_JAN).budget()).isEqualTo(2_500_000L);
        Scenario.given(proposed).when(b -> b.approveRevision("r-1", ALICE, AT)).thenRejected(SharedRejection.PROPOSER_CANNOT_APPROVE);
        Budget approved = ok(proposed.approveRevision("r-1", BOB, AT));

        assertThat(approved.figures(EAST_SALES_JAN).budget()).isEqualTo(3_000_000L);
        assertThat(approved.figures(WEST_SALES_JAN).budget()).isEqualTo(2_000_000L);
        assertThat(approved.total()).isEqualTo(120_000_000L);
        assertThat(approved.version()).isEqualTo(2);
        assertThat(approved.revisions()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Budget.RevisionStatus.APPROVED);
            assertThat(r.decidedBy()).contains(BOB);
        });
        assertThat(approved.changeLog()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("approve-revision");
            assertThat(e.detail()).isEqualTo("transfer 5000.00 CNY from " + WEST_SALES_JAN + " to " + EAST_SALES_JAN);
            assertThat(e.reason()).isEqualTo("east has the trade fair");
        });
    }

    @Test
    void a_transfer_that_would_leave_a_line_below_committed_and_spent_is_refused_with_the_figures() {
        Budget budget = ok(Budgets.approved(ControlPolicy.STRICT).commit("po-1", SALES, "west", date("2026-01-03"),
                1_500_000L, "order", ALICE, AT));
        budget = ok(budget.spend("inv-1", SALES, "west", date("2026-01-04"), 500_000L, "invoice", ALICE, AT));

        var rejected = Scenario.given(budget).when(b -> b.proposeTransfer("r-1", WEST_SALES_JAN, EAST_SALES_JAN, 500_001L,
                "too much", ALICE, AT)).thenRejected(BudgetRejection.BELOW_USED);

        assertThat(rejected.reasons().get(0).evidence()).containsEntry("budget", "25000.00")
                .containsEntry("committed", "15000.00").containsEntry("actual", "5000.00")
                .containsEntry("requested", "5000.01").containsEntry("shortfall", "0.01");
        ok(budget.proposeTransfer("r-2", WEST_SALES_JAN, EAST_SALES_JAN, 500_000L, "exactly what is free", ALICE, AT));
    }

    @Test
    void spend_recorded_after_the_proposal_is_checked_again_at_approval() {
        Budget proposed = ok(Budgets.approved(ControlPolicy.STRICT).proposeTransfer("r-1", WEST_SALES_JAN, EAST_SALES_JAN,
                2_000_000L, "move", ALICE, AT));
        Budget spent = ok(proposed.spend("inv-1", SALES, "west", date("2026-01-04"), 600_000L, "invoice", ALICE, AT));

        Scenario.given(spent).when(b -> b.approveRevision("r-1", BOB, AT)).thenRejected(BudgetRejection.BELOW_USED);
    }

    @Test
    void an_adjustment_changes_the_total_by_exactly_its_delta_once_approved() {
        Budget proposed = ok(Budgets.approved(ControlPolicy.STRICT).proposeAdjustment("r-1", EAST_SALES_JAN, -250_000L,
                "saving", ALICE, AT));

        Budget approved = ok(proposed.approveRevision("r-1", BOB, AT));

        assertThat(approved.total()).isEqualTo(120_000_000L - 250_000L);
        assertThat(VarianceReport.of(approved).line(EAST_SALES_JAN).orElseThrow().variancePercent())
                .isEqualTo(new VarianceReport.Percent.Defined(new BigDecimal("100.00")));
    }

    @Test
    void a_rejected_revision_changes_nothing_and_cannot_be_approved_later() {
        Budget proposed = ok(Budgets.approved(ControlPolicy.STRICT).proposeAdjustment("r-1", EAST_SALES_JAN, 100L, "more",
                ALICE, AT));

        Budget rejected = ok(proposed.rejectRevision("r-1", "no", BOB, AT));

        assertThat(rejected.total()).isEqualTo(120_000_000L);
        Scenario.given(rejected).when(b -> b.approveRevision("r-1", BOB, AT)).thenRejected(BudgetRejection.REVISION_NOT_FOUND);
        Scenario.given(rejected).when(b -> b.proposeAdjustment("r-1", EAST_SALES_JAN, 100L, "again", ALICE, AT))
                .thenRejected(BudgetRejection.REVISION_EXISTS);
    }

    @Test
    void a_malformed_transfer_names_every_reason() {
        Scenario.given(Budgets.approved(ControlPolicy.STRICT)).when(b -> b.proposeTransfer("r-1", EAST_SALES_JAN, EAST_SALES_JAN,
                0L, " ", ALICE, AT)).thenRejected(BudgetRejection.SAME_LINE, BudgetRejection.AMOUNT_NOT_POSITIVE,
                SharedRejection.REQUIRED);
        Scenario.given(Budgets.draft(ControlPolicy.STRICT)).when(b -> b.proposeTransfer("r-1", "x", EAST_SALES_JAN, 1L, "r",
                ALICE, AT)).thenRejected(BudgetRejection.NOT_APPROVED, BudgetRejection.LINE_NOT_FOUND);
    }
}
