package dev.saleskernel.budget;

import static dev.saleskernel.budget.Budgets.ALICE;
import static dev.saleskernel.budget.Budgets.AT;
import static dev.saleskernel.budget.Budgets.BOB;
import static dev.saleskernel.budget.Budgets.EAST_SALES_FEB;
import static dev.saleskernel.budget.Budgets.EAST_SALES_JAN;
import static dev.saleskernel.budget.Budgets.PROMOTION;
import static dev.saleskernel.budget.Budgets.SALES;
import static dev.saleskernel.budget.Budgets.WEST_SALES_JAN;
import static dev.saleskernel.budget.Budgets.date;
import static dev.saleskernel.budget.Budgets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.testing.Scenario;
import org.junit.jupiter.api.Test;

class BudgetExecutionScenarios {

    private static Budget withCommitment() {
        return ok(Budgets.approved(ControlPolicy.STRICT).commit("po-1", SALES, "east", date("2026-01-03"), 1_000_000L,
                "purchase order", ALICE, AT));
    }

    @Test
    void a_fact_is_booked_on_the_line_of_its_category_unit_and_date() {
        Budget budget = ok(Budgets.approved(ControlPolicy.STRICT).spend("inv-1", SALES, "east", date("2026-02-28"), 123_456L,
                "hotel", ALICE, AT));

        assertThat(budget.figures(EAST_SALES_FEB)).isEqualTo(new Figures(2_500_000L, 0L, 123_456L));
        assertThat(budget.figures(EAST_SALES_JAN).actual()).isZero();
        assertThat(budget.remainingYearToDate(EAST_SALES_FEB)).isEqualTo(5_000_000L - 123_456L);
    }

    @Test
    void the_same_fact_recorded_twice_changes_nothing_the_second_time() {
        Budget once = withCommitment();

        Scenario.given(once).when(b -> b.commit("po-1", SALES, "east", date("2026-01-03"), 1_000_000L, "purchase order",
                ALICE, AT)).thenEvents();
        assertThat(once.figures(EAST_SALES_JAN).committed()).isEqualTo(1_000_000L);
    }

    @Test
    void the_same_source_id_with_different_content_is_refused() {
        Scenario.given(withCommitment()).when(b -> b.commit("po-1", SALES, "east", date("2026-01-03"), 1_000_001L,
                "purchase order", ALICE, AT)).thenRejected(BudgetRejection.FACT_CONFLICT);
        Scenario.given(withCommitment()).when(b -> b.spend("po-1", SALES, "east", date("2026-01-03"), 1_000_000L,
                "purchase order", ALICE, AT)).thenRejected(BudgetRejection.FACT_CONFLICT);
    }

    @Test
    void a_release_frees_the_commitment_and_a_conversion_moves_it_to_actual() {
        Budget released = ok(withCommitment().release("cancel-1", "po-1", date("2026-01-10"), 300_000L, "line cancelled",
                ALICE, AT));
        Budget converted = ok(released.convert("inv-1", "po-1", date("2026-01-20"), 700_000L, "invoiced", BOB, AT));

        assertThat(released.figures(EAST_SALES_JAN)).isEqualTo(new Figures(2_500_000L, 700_000L, 0L));
        assertThat(converted.figures(EAST_SALES_JAN)).isEqualTo(new Figures(2_500_000L, 0L, 700_000L));
        assertThat(converted.remaining(EAST_SALES_JAN)).isEqualTo(1_800_000L);
        assertThat(converted.openCommitment("po-1")).contains(0L);
    }

    @Test
    void releasing_more_than_the_commitment_holds_open_is_refused() {
        Budget released = ok(withCommitment().release("cancel-1", "po-1", date("2026-01-10"), 600_000L, "part", ALICE, AT));

        Scenario.given(released).when(b -> b.convert("inv-1", "po-1", date("2026-01-20"), 400_001L, "invoiced", ALICE, AT))
                .thenRejected(BudgetRejection.EXCEEDS_OPEN_COMMITMENT);
        Scenario.given(released).when(b -> b.release("cancel-2", "po-404", date("2026-01-20"), 1L, "?", ALICE, AT))
                .thenRejected(BudgetRejection.COMMITMENT_NOT_FOUND);
        Scenario.given(released).when(b -> b.release("cancel-3", "cancel-1", date("2026-01-20"), 1L, "?", ALICE, AT))
                .thenRejected(BudgetRejection.COMMITMENT_NOT_FOUND);
    }

    @Test
    void a_fact_on_a_draft_budget_is_refused() {
        Scenario.given(Budgets.draft(ControlPolicy.STRICT)).when(b -> b.spend("inv-1", SALES, "east", date("2026-01-03"), 1L,
                "early", ALICE, AT)).thenRejected(BudgetRejection.NOT_APPROVED);
    }

    @Test
    void a_fact_with_every_thing_wrong_names_every_reason() {
        Scenario.given(Budgets.approved(ControlPolicy.STRICT)).when(b -> b.spend(" ", SALES, "east", date("2027-01-03"), 0L,
                "?", ALICE, AT)).thenRejected(SharedRejection.REQUIRED, BudgetRejection.AMOUNT_NOT_POSITIVE,
                BudgetRejection.DATE_OUTSIDE_BUDGET);
    }

    @Test
    void a_fact_on_a_parent_unit_or_an_unknown_category_finds_no_line() {
        Scenario.given(Budgets.approved(ControlPolicy.STRICT)).when(b -> b.spend("inv-1", SALES, "company", date("2026-01-03"),
                1L, "?", ALICE, AT)).thenRejected(BudgetRejection.LINE_NOT_FOUND);
        Scenario.given(Budgets.approved(ControlPolicy.STRICT)).when(b -> b.spend("inv-1", CostCategory.of("travel"), "east",
                date("2026-01-03"), 1L, "?", ALICE, AT)).thenRejected(BudgetRejection.LINE_NOT_FOUND);
    }

    @Test
    void an_amount_beyond_the_exact_range_is_refused_not_overflowed() {
        Scenario.given(Budgets.approved(ControlPolicy.NONE)).when(b -> b.spend("inv-1", PROMOTION, "west", date("2026-01-03"),
                Long.MAX_VALUE, "?", ALICE, AT)).thenRejected(BudgetRejection.AMOUNT_TOO_LARGE);
        assertThat(WEST_SALES_JAN).startsWith("sales-expenses/west");
    }
}
