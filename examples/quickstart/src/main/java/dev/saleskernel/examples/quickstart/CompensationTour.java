package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.compensation.CommissionCalculator;
import dev.saleskernel.compensation.CompensationRun;
import dev.saleskernel.compensation.CreditBatch;
import dev.saleskernel.compensation.CreditEvent;
import dev.saleskernel.compensation.Crediting;
import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.Participant;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.compensation.Rate;
import dev.saleskernel.compensation.Roster;
import dev.saleskernel.compensation.Team;
import dev.saleskernel.compensation.Transaction;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.TenantId;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Commissions: a plan (base + tiered commission + breakthrough bonus + team pool) proposed as JSON
 * by one person and published by another, a quarter's sales credited (one deal split 40/60, one
 * return), the run, and one rep's earnings with every line explained.
 */
final class CompensationTour {
    static final String PLAN = """
            {"id": "field-sales", "version": 1, "name": "Field sales 2026",
             "effective": {"from": "2026-01-01", "until": "2027-01-01"}, "currency": "CNY", "creditOn": "booking",
             "payMix": {"base": "40", "incentive": "60"},
             "components": [
               {"id": "base", "type": "base-salary"},
               {"id": "commission", "type": "tiered", "basis": "amount",
                "tiers": [{"from": "0", "to": "500000.00", "rate": "0.03"},
                          {"from": "500000.00", "to": "1000000.00", "rate": "0.05"},
                          {"from": "1000000.00", "rate": "0.08"}],
                "cap": {"multipleOfTargetIncentive": "2"}},
               {"id": "breakthrough", "type": "breakthrough", "minAttainment": "120", "fixed": "10000.00"},
               {"id": "team-pool", "type": "team-pool", "rate": "0.01"}]}""";

    private CompensationTour() {
    }

    static void run(PrintStream out, SalesKernel kernel) {
        out.println();
        out.println("12. Commissions: a quarter under a published plan, every line explained");
        TenantId acme = Quickstart.ACME;
        kernel.compensationPlans().propose(CommandContext.of(acme.value(), "li.na", "comp-1"), PLAN, "FY2026 field sales plan").get();
        out.printf("  li.na publishing her own plan -> refused: %s%n", kernel.compensationPlans()
                .publish(CommandContext.of(acme.value(), "li.na", "comp-2"), "field-sales", 1).getLeft().codes());
        kernel.compensationPlans().publish(CommandContext.of(acme.value(), "wang.wei", "comp-3"), "field-sales", 1).get();
        Period quarter = FiscalCalendar.CALENDAR_YEAR.quarter(2026, 2);
        PlanVersion plan = kernel.compensationPlans().find(acme, "field-sales").orElseThrow()
                .inForceOn(quarter.start()).orElseThrow();
        out.printf("  plan %s v%d published by wang.wei, in force for %s%n", plan.planId(), plan.version(), quarter.label());

        CreditBatch credits = Crediting.credit(List.of(
                sale("crm-2001", 700_000_00L, LocalDate.of(2026, 4, 10), "ann"),
                new Transaction("crm-2002", "crm-2002", "cloud", CreditEvent.BOOKING, LocalDate.of(2026, 5, 11), 800_000_00L,
                        List.of(new Transaction.Share("ann", new BigDecimal("40")), new Transaction.Share("bo", new BigDecimal("60"))),
                        List.of(), Optional.empty()),
                sale("crm-2003", 500_000_00L, LocalDate.of(2026, 5, 20), "bo"),
                sale("crm-2004", 650_000_00L, LocalDate.of(2026, 6, 3), "chen"),
                sale("crm-2005", 100_000_00L, LocalDate.of(2026, 6, 15), "ann"),
                sale("crm-2006", 200_000_00L, LocalDate.of(2026, 6, 20), "ann"),
                Transaction.direct("crm-2005-r", "crm-2005", "cloud", CreditEvent.RETURN, LocalDate.of(2026, 6, 28), 20_000_00L,
                        "ann"))).get();
        // the reps checked and indexed once, for every run of the quarter (a month's advance, the true-up, a what-if)
        Roster reps = Roster.of(List.of(
                Participant.of("ann", 400_000_00L, 1_000_000_00L).inTeam("sh", 1),
                Participant.of("bo", 360_000_00L, 900_000_00L).inTeam("sh", 1),
                Participant.of("chen", 300_000_00L, 800_000_00L).inTeam("sh", 1))).get();
        CompensationRun run = CommissionCalculator.run(plan, quarter, reps, List.of(new Team("sh", 2_500_000_00L)), credits).get();
        for (String rep : run.participantIds()) {
            out.printf("  %-5s credited %14s  earned %12s%n", rep, Rate.amount(run.creditedMinor(rep), 2),
                    Rate.amount(run.totalMinor(rep), 2));
        }
        PeriodEarnings ann = run.earnings("ann");
        out.printf("  ann's earnings for %s (CNY):%n", quarter.label());
        for (PeriodEarnings.ComponentEarning line : ann.components()) {
            Explanation why = line.explanation();
            out.printf("    %-12s %12s  %s: %s%n", line.componentId(), Rate.amount(line.amountMinor(), 2), why.rule(), why.formula());
            out.printf("    %-12s %12s  inputs: %s%n", "", "", why.inputs().stream().map(i -> i.name() + "=" + i.value()).toList());
        }
        out.printf("    %-12s %12s%n", "total", Rate.amount(ann.totalMinor(), 2));
        for (PeriodEarnings.DealPayout deal : ann.dealPayouts()) {
            out.printf("    deal %-9s paid %10s of %s at %s, credited on %s%n", deal.dealId(), Rate.amount(deal.amountMinor(), 2),
                    deal.componentId(), deal.rate().map(BigDecimal::toPlainString).orElse("n/a"), deal.creditedOn());
        }
    }

    private static Transaction sale(String id, long amountMinor, LocalDate date, String rep) {
        return Transaction.direct(id, id, "cloud", CreditEvent.BOOKING, date, amountMinor, rep);
    }
}
