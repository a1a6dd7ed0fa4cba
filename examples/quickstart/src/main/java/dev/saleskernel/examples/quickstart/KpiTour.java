package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.forecast.ForecastDeal;
import dev.saleskernel.forecast.ForecastSubmission;
import dev.saleskernel.forecast.Forecasting;
import dev.saleskernel.forecast.WinRates;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.kpi.Cell;
import dev.saleskernel.kpi.CutDimension;
import dev.saleskernel.kpi.Kpi;
import dev.saleskernel.kpi.KpiCube;
import dev.saleskernel.kpi.KpiFacts;
import dev.saleskernel.kpi.Kpis;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.OrgUnit;
import dev.saleskernel.org.OrgValues.Placement;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The KPI and forecasting tour: the quarter-to-date KPI dashboard of the company, head office and
 * branches (rolled up the org tree, ratios from summed numerators and denominators, a rep hired
 * mid-quarter counted for his days), a ranking, then the quarter's forecast against target,
 * submitted and adjusted by managers beside the deals.
 */
final class KpiTour {
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    private KpiTour() {
    }

    static void run(PrintStream out, SalesKernel kernel, LocalDate today) {
        out.println();
        out.println("15. KPIs and forecasting");
        FiscalCalendar calendar = FiscalCalendar.CALENDAR_YEAR;
        Period quarter = calendar.quarterOf(today);
        OrgStructure org = organisation();
        KpiFacts facts = KpiFacts.builder(Quickstart.CNY, 16)
                .addOrder(LocalDate.of(2026, 7, 3), "hq", "east", "DIRECT", "erp", "k1", 1_200_000_00L, 720_000_00L, 1)
                .addOrder(LocalDate.of(2026, 7, 9), "sh", "east", "DIRECT", "cloud", "k2", 300_000_00L, 120_000_00L, 1)
                .addOrder(LocalDate.of(2026, 7, 21), "sh", "east", "AGENT", "cloud", "k3", 500_000_00L, 250_000_00L, 1)
                .addOrder(LocalDate.of(2026, 8, 4), "sh", "east", "DIRECT", "cloud", "k2", 200_000_00L, 80_000_00L, 1)
                .addOrder(LocalDate.of(2026, 8, 6), "hz", "south", "DISTRIBUTOR", "erp", "k4", 450_000_00L, 300_000_00L, 1)
                .addOrder(LocalDate.of(2026, 8, 12), "hz", "south", "DISTRIBUTOR", "erp", "k4", -50_000_00L, -33_000_00L, -1)
                .addAcquisitionSpend(LocalDate.of(2026, 7, 31), "sh", "east", "DIRECT", "cloud", 60_000_00L)
                .addAcquisitionSpend(LocalDate.of(2026, 7, 31), "hz", "south", "DISTRIBUTOR", "erp", 40_000_00L)
                .existingCustomers(Set.of("k1"))
                .addHeadcount(org, quarter.children())
                .observedThrough(today).build().get();
        KpiCube cube = KpiCube.of(facts, org, calendar, PeriodKind.MONTH, Set.of(CutDimension.ORG_UNIT)).get();
        out.printf("  dashboard %s to %s (chen joined Shanghai on 1 August: 61 of 92 days):%n", quarter.label(), today);
        List<Kpi> shown = List.of(Kpis.SALES_AMOUNT, Kpis.ORDER_COUNT, Kpis.AVERAGE_ORDER_VALUE, Kpis.GROSS_MARGIN_RATE,
                Kpis.NEW_CUSTOMER_COUNT, Kpis.CUSTOMER_ACQUISITION_COST, Kpis.OUTPUT_PER_REP);
        out.printf("    %-16s %14s %7s %13s %8s %4s %10s %13s%n", "unit", "sales", "orders", "avg order", "margin", "new", "CAC",
                "per rep");
        for (String unit : List.of("acme", "hq", "sh", "hz")) {
            List<Object> values = new ArrayList<>();
            values.add(org.unit(unit).get().name());
            for (Kpi kpi : shown) {
                values.add(cube.value(kpi, Cell.of(unit, quarter)).asOptional().map(BigDecimal::toPlainString).orElse("-"));
            }
            out.printf("    %-16s %14s %7s %13s %8s %4s %10s %13s%n", values.toArray());
        }
        out.printf("    head office has no new customer, so its acquisition cost is %s%n",
                cube.value(Kpis.CUSTOMER_ACQUISITION_COST, Cell.of("hq", quarter)));
        out.print("    ranked by sales:");
        cube.rank(Kpis.SALES_AMOUNT, List.of(Cell.of("hq", quarter), Cell.of("sh", quarter), Cell.of("hz", quarter)))
                .forEach(r -> out.printf(" %d. %s", r.rank(), r.cell().orgUnit()));
        out.println();

        List<ForecastDeal> deals = List.of(
                won("w-1", "zhou", 1_200_000_00L, LocalDate.of(2026, 7, 3)),
                won("w-2", "ann", 1_000_000_00L, LocalDate.of(2026, 8, 4)),
                won("w-3", "cai", 400_000_00L, LocalDate.of(2026, 8, 6)),
                open("o-1", "ann", 5, ForecastCategory.COMMIT, 600_000_00L, 9_000, LocalDate.of(2026, 9, 10)),
                open("o-2", "bo", 3, ForecastCategory.BEST_CASE, 800_000_00L, 6_000, LocalDate.of(2026, 9, 20)),
                open("o-3", "cai", 1, ForecastCategory.PIPELINE, 500_000_00L, 2_000, LocalDate.of(2026, 9, 25)),
                open("o-4", "temp.xu", 5, ForecastCategory.COMMIT, 300_000_00L, 9_000, LocalDate.of(2026, 9, 1)));
        WinRates history = WinRates.learn(List.of(won("h-1", "ann", 1, FROM), won("h-2", "bo", 1, FROM),
                new ForecastDeal("h-3", "cai", StageKind.LOST, 3, 3, ForecastCategory.OMITTED, 1, 0, Optional.empty(),
                        Optional.of(FROM)),
                new ForecastDeal("h-4", "zhou", StageKind.LOST, 1, 1, ForecastCategory.OMITTED, 1, 0, Optional.empty(),
                        Optional.of(FROM))), 6);
        Forecasting.TeamForecast forecast = Forecasting.forecast(deals, org, "acme", quarter, today, history,
                Map.of("acme", 6_000_000_00L)).get();
        var f = forecast.team();
        out.printf("  forecast %s as of %s (target %s):%n", quarter.label(), today, money(f.target().get()));
        out.printf("    closed %s | commit %s | best case %s | pipeline %s%n", money(f.closed()), money(f.commitRollup()),
                money(f.bestCaseRollup()), money(f.pipelineRollup()));
        out.printf("    weighted %s | win-rate based %s | run-rate %s | gap to commit %s%n", money(f.weighted()),
                money(f.winRateExpected()), money(f.runRate()), money(f.gapToCommit().get()));
        out.printf("    left out: %s (temp.xu is not in the sales organisation)%n", forecast.outside());
        var submissions = kernel.forecasts();
        submissions.submit(CommandContext.of(Quickstart.ACME.value(), "li.na", "kpi-001"), org, forecast, today).get();
        submissions.adjust(CommandContext.of(Quickstart.ACME.value(), "wang.wei", "kpi-002"), "acme", quarter, org, "bo",
                ForecastCategory.COMMIT, 800_000_00L, "bo's customer confirmed the budget").get();
        submissions.adjust(CommandContext.of(Quickstart.ACME.value(), "wang.wei", "kpi-003"), "acme", quarter, org, "temp.xu",
                ForecastCategory.COMMIT, 300_000_00L, "helping out").peekLeft(r -> r.reasons()
                .forEach(reason -> out.printf("    refused: %s %s%n", reason.code().code(), reason.message())));
        ForecastSubmission stored = submissions.find(Quickstart.ACME, "acme", quarter).get();
        var adjustment = stored.adjustments().get(0);
        out.printf("  submitted by %s; %s adjusted %s's commit by %s (\"%s\"): commit %s -> %s, the deals untouched%n",
                stored.submittedBy().value(), adjustment.actor().value(), adjustment.ownerId(), money(adjustment.deltaMinor()),
                adjustment.reason(), money(stored.submitted().commitRollup()), money(stored.adjusted().commitRollup()));
    }

    private static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private static ForecastDeal won(String id, String owner, long amount, LocalDate closed) {
        return new ForecastDeal(id, owner, StageKind.WON, 6, 6, ForecastCategory.CLOSED, amount, 10_000, Optional.empty(),
                Optional.of(closed));
    }

    private static ForecastDeal open(String id, String owner, int stage, ForecastCategory category, long amount, int bp,
                                     LocalDate close) {
        return new ForecastDeal(id, owner, StageKind.OPEN, stage, stage, category, amount, bp, Optional.of(close), Optional.empty());
    }

    private static OrgStructure organisation() {
        List<OrgUnit> units = List.of(
                new OrgUnit("acme", "Acme", UnitKind.COMPANY, List.of(new Placement(Optional.empty(), FROM, Optional.empty()))),
                new OrgUnit("hq", "Head office", UnitKind.BRANCH_OFFICE, List.of(new Placement(Optional.of("acme"), FROM, Optional.empty()))),
                new OrgUnit("sh", "Shanghai branch", UnitKind.BRANCH_OFFICE,
                        List.of(new Placement(Optional.of("acme"), FROM, Optional.empty()))),
                new OrgUnit("hz", "Hangzhou branch", UnitKind.BRANCH_OFFICE,
                        List.of(new Placement(Optional.of("acme"), FROM, Optional.empty()))));
        List<Member> members = new ArrayList<>();
        List<Membership> memberships = new ArrayList<>();
        String[][] people = {{"li.na", "acme", "MANAGER"}, {"wang.wei", "acme", "MANAGER"}, {"zhou", "hq", "REP"},
                {"ann", "sh", "REP"}, {"bo", "sh", "REP"}, {"cai", "hz", "REP"}};
        for (String[] p : people) {
            members.add(new Member(p[0], p[0], FROM, Optional.empty()));
            memberships.add(new Membership(p[0], p[1], Role.valueOf(p[2]), FROM, Optional.empty()));
        }
        LocalDate joined = LocalDate.of(2026, 8, 1);
        members.add(new Member("chen", "chen", joined, Optional.empty()));
        memberships.add(new Membership("chen", "sh", Role.REP, joined, Optional.empty()));
        return OrgStructure.of(Quickstart.ACME, units, members, memberships, List.of(), List.of());
    }
}
