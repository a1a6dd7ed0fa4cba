package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.BudgetService;
import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.Executed;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.budget.Budget;
import dev.saleskernel.budget.BudgetEvents;
import dev.saleskernel.budget.BudgetUnit;
import dev.saleskernel.budget.ControlPolicy;
import dev.saleskernel.budget.CostCategory;
import dev.saleskernel.budget.Preparation;
import dev.saleskernel.budget.VarianceReport;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.Strategy;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The budget tour: the year's sales budget prepared top-down (category → branch → month) with the
 * target decomposition, approved with four eyes, then executed: a purchase order committed and
 * partly invoiced, an overspend refused with its figures, a soft (WARN) line crossed, a transfer
 * approved by a second person, and the variance report rolled up to head office.
 */
final class BudgetTour {
    private static final String BUDGET = "sales-budget";
    private static final CostCategory SALES = CostCategory.SALES_EXPENSES;
    private static final CostCategory PROMOTION = CostCategory.MARKET_PROMOTION;

    private final PrintStream out;
    private final SalesKernel kernel;
    private final TenantId tenant;
    private int commands;

    BudgetTour(PrintStream out, SalesKernel kernel, TenantId tenant) {
        this.out = out;
        this.kernel = kernel;
        this.tenant = tenant;
    }

    void run(FiscalCalendar calendar, LocalDate today) {
        out.println();
        out.println("14. Sales budget: top-down preparation, control, transfers, variance");
        Period year = calendar.yearOf(today);
        Period month = calendar.monthOf(today);
        BudgetService budgets = kernel.budgets();
        Preparation preparation = new Preparation(2_400_000_00L, List.of(SALES, PROMOTION, CostCategory.CHANNEL_MAINTENANCE),
                weights(Map.of(SALES.code(), "50", PROMOTION.code(), "30", CostCategory.CHANNEL_MAINTENANCE.code(), "20")),
                List.of(BudgetUnit.root("acme", "Acme"), BudgetUnit.child("hq", "acme", "Head office"),
                        BudgetUnit.child("sh", "acme", "Shanghai branch"), BudgetUnit.child("hz", "acme", "Hangzhou branch")),
                Map.of("acme", weights(Map.of("hq", "40", "sh", "35", "hz", "25"))), PeriodKind.MONTH, new Strategy.Equal(),
                ControlPolicy.STRICT);
        check(budgets.prepare(as("li.na"), BUDGET, year.label() + " sales budget", Quickstart.CNY, year, preparation));
        String shSales = "sales-expenses/sh/" + month.label();
        String hzSales = "sales-expenses/hz/" + month.label();
        String shPromotion = "market-promotion/sh/" + month.label();
        check(budgets.setPolicy(as("li.na"), BUDGET, shPromotion, ControlPolicy.of(ControlPolicy.Action.WARN,
                ControlPolicy.Action.WARN), "trade-fair month: warn, do not block"));
        check(budgets.propose(as("li.na"), BUDGET, "for the board"));
        budgets.approve(as("li.na"), BUDGET).peekLeft(r -> out.printf("  li.na approves her own budget: refused %s%n",
                r.codes()));
        check(budgets.approve(as("wang.wei"), BUDGET));
        Budget approved = budgets.find(tenant, BUDGET).orElseThrow();
        out.printf("  budget %s version %d %s: %s over %d lines (category x branch x month)%n", approved.name(),
                approved.version(), approved.status(), approved.format(approved.total()), approved.lines().size());

        LocalDate day = today;
        check(budgets.commit(as("li.na"), BUDGET, "PO-7781", SALES, "sh", day, 20_000_00L, "client summit venue"));
        check(budgets.convert(as("li.na"), BUDGET, "INV-5521", "PO-7781", day, 12_000_00L, "venue deposit invoiced"));
        check(budgets.spend(as("li.na"), BUDGET, "EXP-0042", SALES, "sh", day, 9_000_00L, "travel"));
        check(budgets.spend(as("li.na"), BUDGET, "EXP-0042", SALES, "sh", day, 9_000_00L, "travel"));
        out.println("  the same expense claim EXP-0042 sent twice is recorded once");
        budgets.spend(as("li.na"), BUDGET, "EXP-0043", SALES, "sh", day, 6_500_00L, "client dinner").peekLeft(r -> {
            out.println("  li.na claims 6500.00 CNY more in " + month.label() + ":");
            r.reasons().forEach(reason -> out.printf("    refused: %s %s%n", reason.code().code(), reason.evidence()));
        });
        budgets.spend(as("li.na"), BUDGET, "EXP-0044", PROMOTION, "sh", day, 25_000_00L, "trade-fair booth")
                .peek(e -> e.events().stream().filter(BudgetEvents.LimitWarning.class::isInstance)
                        .map(BudgetEvents.LimitWarning.class::cast)
                        .forEach(w -> out.printf("  warning (%s): %s budget %s, requested %s, excess %s%n", w.scope(),
                                w.lineId(), approved.format(w.budget()), approved.format(w.requested()),
                                approved.format(w.excess()))));
        check(budgets.proposeTransfer(as("li.na"), BUDGET, "TR-1", hzSales, shSales, 5_000_00L,
                "Hangzhou lends Shanghai for the summit"));
        check(budgets.approveRevision(as("wang.wei"), BUDGET, "TR-1"));
        check(budgets.spend(as("li.na"), BUDGET, "EXP-0043", SALES, "sh", day, 6_500_00L, "client dinner"));
        out.println("  after wang.wei approves a 5000.00 CNY transfer from Hangzhou, the claim fits");

        Budget budget = budgets.find(tenant, BUDGET).orElseThrow();
        out.printf("  budget version %d, total still %s%n", budget.version(), budget.format(budget.total()));
        out.println("  line                                 budget      committed   actual      remaining   YTD remaining");
        for (String line : List.of(shSales, hzSales, shPromotion)) {
            var f = budget.figures(line);
            out.printf("  %-35s %-11s %-11s %-11s %-11s %s%n", line, plain(budget, f.budget()), plain(budget, f.committed()),
                    plain(budget, f.actual()), plain(budget, f.remaining()), plain(budget, budget.remainingYearToDate(line)));
        }
        VarianceReport report = VarianceReport.of(budget);
        out.println("  by unit (rolled up)     budget        committed   actual      variance      variance %");
        for (VarianceReport.Row row : report.byUnit()) {
            out.printf("  %-22s %-13s %-11s %-11s %-13s %s%n", row.key(), plain(budget, row.budget()),
                    plain(budget, row.committed()), plain(budget, row.actual()), plain(budget, row.variance()),
                    row.variancePercent() instanceof VarianceReport.Percent.Defined d ? d.value() + "%"
                            : ((VarianceReport.Percent.Undefined) row.variancePercent()).reason());
        }
    }

    private static Strategy weights(Map<String, String> byKey) {
        java.util.Map<String, BigDecimal> weights = new java.util.HashMap<>();
        byKey.forEach((k, v) -> weights.put(k, new BigDecimal(v)));
        return new Strategy.Weights(weights);
    }

    private static String plain(Budget budget, long minorUnits) {
        return BigDecimal.valueOf(minorUnits, budget.currency().getDefaultFractionDigits()).toPlainString();
    }

    private CommandContext as(String actor) {
        return CommandContext.of(tenant.value(), actor, "budget-" + (++commands));
    }

    private void check(Either<Rejected, Executed<Budget>> result) {
        if (result.isLeft()) {
            throw new IllegalStateException("the tour expected success: " + result.getLeft());
        }
    }
}
