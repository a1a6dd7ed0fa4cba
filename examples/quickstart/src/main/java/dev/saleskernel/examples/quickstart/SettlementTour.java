package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.JsonDocuments;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.settlement.LedgerEntries.Cancellation;
import dev.saleskernel.compensation.settlement.PayeeLedger;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.compensation.settlement.Statement;
import dev.saleskernel.compensation.settlement.StatementLine;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.TenantId;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The settlement part of the tour: one rep's first quarter with monthly advances of 80% and the
 * quarterly true-up, a recoverable draw of 1,500.00 per month, and a cancelled deal clawed back;
 * every statement line printed with its formula.
 */
final class SettlementTour {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final TenantId ACME = TenantId.of("acme");
    private static final String TERMS = """
            {"advances": {"rate": "0.80"},
             "draw": {"kind": "recoverable", "amount": "1500.00", "yearEnd": "forgive"},
             "clawback": {"windowDays": 90, "mode": "full", "reducesAttainment": true}}""";

    private final PrintStream out;
    private final SalesKernel kernel;
    private int commands;

    private SettlementTour(PrintStream out, SalesKernel kernel) {
        this.out = out;
        this.kernel = kernel;
    }

    static void run(PrintStream out, SalesKernel kernel, FiscalCalendar calendar) {
        new SettlementTour(out, kernel).tour(calendar);
    }

    private CommandContext as(String actor) {
        return CommandContext.of(ACME.value(), actor, "settle-" + (++commands));
    }

    private void tour(FiscalCalendar calendar) {
        out.println();
        out.println("13. Compensation settlement: advances, true-up, draw, clawback");
        Period year = calendar.yearOf(LocalDate.of(2026, 4, 1));
        Period quarter = year.children().get(0).children().get(0);
        List<Period> months = quarter.children();
        SettlementTerms terms = JsonDocuments.settlementTerms(TERMS).getOrElseThrow(r -> new IllegalStateException(r.toString()));
        String ledgerId = PayeeLedger.recordId("zhao.lei", "east-2026", year);
        kernel.settlement().open(as("li.na"), "zhao.lei", "east-2026", year, CNY, terms, 0, "plan year starts").get();

        settleMonth(ledgerId, months.get(0), earnings(months.get(0), List.of(deal("D-101", 1_000_00, months.get(0))), 0));
        finalise(ledgerId, months.get(0), true);
        settleMonth(ledgerId, months.get(1), earnings(months.get(1), List.of(deal("D-102", 4_000_00, months.get(1))), 0));
        finalise(ledgerId, months.get(1), false);
        settleMonth(ledgerId, months.get(2), earnings(months.get(2), List.of(deal("D-103", 2_500_00, months.get(2))), 0));
        kernel.settlement().settle(as("li.na"), ledgerId, earnings(quarter, List.of(deal("D-101", 1_000_00, months.get(0)),
                deal("D-102", 4_000_00, months.get(1)), deal("D-103", 2_500_00, months.get(2))), 1_000_00),
                months.get(2), "quarter close").get();
        Cancellation cancelled = Cancellation.of("cancel-5531", "D-102", LocalDate.of(2026, 6, 20));
        kernel.settlement().clawBack(as("li.na"), ledgerId, cancelled, months.get(2), "order D-102 cancelled").get();
        boolean again = kernel.settlement().clawBack(as("li.na"), ledgerId, cancelled, months.get(2), "duplicate feed")
                .get().events().isEmpty();
        out.printf("  the same cancellation arrives again -> %s%n", again ? "nothing changed" : "clawed back twice!");
        finalise(ledgerId, months.get(2), false);

        PayeeLedger ledger = kernel.settlement().find(ACME, ledgerId).orElseThrow();
        for (Period month : months) {
            print(ledger.statement(month).orElseThrow());
        }
        out.printf("  paid over the quarter %s CNY; draw balance %s CNY; D-102 net %s CNY%n", money(ledger.paidMinor()),
                money(ledger.drawBalanceMinor()), money(ledger.dealNetMinor("D-102")));
    }

    private void settleMonth(String ledgerId, Period month, PeriodEarnings earnings) {
        kernel.settlement().settle(as("li.na"), ledgerId, earnings, month, "monthly commission run").get();
    }

    private void finalise(String ledgerId, Period month, boolean showSegregation) {
        kernel.settlement().proposeFinalisation(as("li.na"), ledgerId, month, "statement checked").get();
        if (showSegregation) {
            out.printf("  li.na approves her own finalisation of %s -> refused: %s%n", month.label(),
                    kernel.settlement().approveFinalisation(as("li.na"), ledgerId, month).getLeft().codes());
        }
        kernel.settlement().approveFinalisation(as("wang.wei"), ledgerId, month).get();
    }

    private void print(Statement statement) {
        out.printf("  statement %s (%s), total %s CNY%n", statement.period().label(), statement.status(),
                money(statement.totalMinor()));
        for (StatementLine line : statement.lines()) {
            out.printf("    %d %-12s %-12s %10s  %s%n", line.number(), line.kind(), line.componentId(),
                    money(line.amountMinor()), line.explanation().formula());
        }
    }

    private static PeriodEarnings.DealPayout deal(String dealId, long amountMinor, Period creditedIn) {
        return new PeriodEarnings.DealPayout(dealId, "commission", amountMinor, Optional.of(new BigDecimal("0.080000")),
                creditedIn.start().plusDays(4));
    }

    private static PeriodEarnings earnings(Period period, List<PeriodEarnings.DealPayout> deals, long breakthroughMinor) {
        long commission = deals.stream().mapToLong(PeriodEarnings.DealPayout::amountMinor).sum();
        List<PeriodEarnings.ComponentEarning> components = new ArrayList<>();
        components.add(new PeriodEarnings.ComponentEarning("commission", "flat", commission, true,
                new Explanation("flat-rate", "credited × 8%", List.of())));
        if (breakthroughMinor > 0) {
            components.add(new PeriodEarnings.ComponentEarning("breakthrough", "breakthrough", breakthroughMinor, false,
                    new Explanation("breakthrough/fixed", "attainment 112% ≥ 110% → 1000.00", List.of())));
        }
        return new PeriodEarnings("zhao.lei", period, CNY, "east-2026", 1, components, deals);
    }

    private static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
