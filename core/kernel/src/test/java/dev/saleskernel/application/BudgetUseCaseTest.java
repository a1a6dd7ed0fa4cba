package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.budget.Budget;
import dev.saleskernel.budget.BudgetRejection;
import dev.saleskernel.budget.BudgetUnit;
import dev.saleskernel.budget.ControlPolicy;
import dev.saleskernel.budget.CostCategory;
import dev.saleskernel.budget.Preparation;
import dev.saleskernel.budget.VarianceReport;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import dev.saleskernel.target.Strategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Budgets through the facade, on the real in-memory store: stored, reloaded, events in the outbox, tenants apart. */
class BudgetUseCaseTest {
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final String LINE = "sales-expenses/east/FY2026-Q1";
    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    int commands;

    CommandContext as(String actor) {
        return CommandContext.of("acme", actor, "cmd-" + (++commands));
    }

    void prepareAndApprove() {
        prepareAndApprove(null);
    }

    void prepareAndApprove(String warnOnlyLine) {
        BudgetService budgets = kernel.budgets();
        Preparation p = new Preparation(400_000_00L, List.of(CostCategory.SALES_EXPENSES), new Strategy.Equal(),
                List.of(BudgetUnit.root("company", "Company"), BudgetUnit.child("east", "company", "East"),
                        BudgetUnit.child("west", "company", "West")),
                Map.of(), PeriodKind.QUARTER, new Strategy.Equal(), ControlPolicy.of(ControlPolicy.Action.STOP,
                ControlPolicy.Action.WARN));
        budgets.prepare(as("li.na"), "b-2026", "FY2026 sales budget", Currency.getInstance("CNY"),
                FiscalCalendar.CALENDAR_YEAR.year(2026), p).get();
        if (warnOnlyLine != null) {
            budgets.setPolicy(as("li.na"), "b-2026", warnOnlyLine, ControlPolicy.of(ControlPolicy.Action.WARN,
                    ControlPolicy.Action.WARN), "soft limit").get();
        }
        budgets.propose(as("li.na"), "b-2026", "ready").get();
        budgets.approve(as("wang.wei"), "b-2026").get();
    }

    @Test
    void a_budget_is_prepared_approved_spent_and_transferred_through_the_facade_with_every_event_in_the_outbox() {
        prepareAndApprove();
        BudgetService budgets = kernel.budgets();
        LocalDate feb = LocalDate.parse("2026-02-10");

        budgets.commit(as("east.rep"), "b-2026", "po-1", CostCategory.SALES_EXPENSES, "east", feb, 30_000_00L, "fair booth").get();
        budgets.convert(as("east.rep"), "b-2026", "inv-1", "po-1", feb, 30_000_00L, "invoice").get();
        var refused = budgets.spend(as("east.rep"), "b-2026", "inv-2", CostCategory.SALES_EXPENSES, "east", feb,
                20_000_01L, "too much");
        budgets.proposeTransfer(as("li.na"), "b-2026", "t-1", "sales-expenses/west/FY2026-Q1", LINE, 10_000_00L, "fair").get();
        budgets.approveRevision(as("wang.wei"), "b-2026", "t-1").get();
        budgets.spend(as("east.rep"), "b-2026", "inv-2", CostCategory.SALES_EXPENSES, "east", feb, 20_000_01L, "now fits").get();

        assertThat(refused.getLeft().has(BudgetRejection.PERIOD_LIMIT_EXCEEDED)).isTrue();
        assertThat(refused.getLeft().reasons().get(0).evidence()).containsEntry("excess", "0.01");
        Budget stored = budgets.find(ACME, "b-2026").orElseThrow();
        assertThat(stored.figures(LINE).budget()).isEqualTo(60_000_00L);
        assertThat(stored.figures(LINE).actual()).isEqualTo(50_000_01L);
        assertThat(stored.total()).isEqualTo(400_000_00L);
        VarianceReport report = budgets.report(ACME, "b-2026").orElseThrow();
        assertThat(report.unit("company").orElseThrow().actual()).isEqualTo(50_000_01L);
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        assertThat(types).containsExactly("budget.prepared", "budget.version-proposed", "budget.version-approved",
                "budget.fact-recorded", "budget.fact-recorded", "budget.revision-proposed", "budget.revision-approved",
                "budget.fact-recorded");
    }

    @Test
    void the_same_fact_under_a_new_command_id_changes_nothing_and_a_warning_crossing_reaches_the_outbox() {
        prepareAndApprove("sales-expenses/west/FY2026-Q2");
        BudgetService budgets = kernel.budgets();
        LocalDate may = LocalDate.parse("2026-05-10");
        budgets.spend(as("west.rep"), "b-2026", "inv-9", CostCategory.SALES_EXPENSES, "west", may, 50_000_00L, "x").get();

        var again = budgets.spend(as("west.rep"), "b-2026", "inv-9", CostCategory.SALES_EXPENSES, "west", may, 50_000_00L, "x");
        var warned = budgets.commit(as("west.rep"), "b-2026", "po-9", CostCategory.SALES_EXPENSES, "west",
                LocalDate.parse("2026-06-10"), 50_000_01L, "crosses Q2 by 50000.01 and the year to date by 0.01");
        var stopped = budgets.spend(as("east.rep"), "b-2026", "inv-10", CostCategory.SALES_EXPENSES, "east",
                LocalDate.parse("2026-06-11"), 50_000_01L, "one fen over east Q2");

        assertThat(again.get().events()).isEmpty();
        assertThat(warned.get().events()).hasSize(3);
        assertThat(stopped.getLeft().has(BudgetRejection.PERIOD_LIMIT_EXCEEDED)).isTrue();
        assertThat(budgets.find(ACME, "b-2026").orElseThrow().remaining("sales-expenses/west/FY2026-Q2"))
                .isEqualTo(-50_000_01L);
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        assertThat(types).endsWith("budget.fact-recorded", "budget.fact-recorded", "budget.limit-warning",
                "budget.limit-warning");
    }

    @Test
    void a_budget_of_one_tenant_is_invisible_to_another_and_a_missing_budget_is_not_found() {
        prepareAndApprove();

        assertThat(kernel.budgets().find(TenantId.of("other"), "b-2026")).isEmpty();
        assertThat(kernel.budgets().spend(CommandContext.of("other", "x", "c-1"), "b-2026", "inv-1",
                CostCategory.SALES_EXPENSES, "east", LocalDate.parse("2026-01-02"), 1L, "x").getLeft()
                .has(SharedRejection.NOT_FOUND)).isTrue();
    }
}
