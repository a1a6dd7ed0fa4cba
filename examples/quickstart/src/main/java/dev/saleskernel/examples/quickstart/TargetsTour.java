package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.Executed;
import dev.saleskernel.application.OrgService;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.TerritoryRules;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.ActualFact;
import dev.saleskernel.target.Attainment;
import dev.saleskernel.target.Dimension;
import dev.saleskernel.target.Metric;
import dev.saleskernel.target.Strategy;
import dev.saleskernel.target.Target;
import dev.saleskernel.target.TargetPlan;
import dev.saleskernel.target.TargetUnit;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The targets tour: head office and two branch offices set up through the org service (with a
 * mid-year move, a territory and a renamed product line), an annual revenue target decomposed
 * exactly down to reps and months, a manual override absorbed by the siblings, four-eyes
 * approval, then attainment with split credit as of the quickstart's "today".
 */
final class TargetsTour {
    private static final String PLAN = "fy2027-revenue";

    private final PrintStream out;
    private final SalesKernel kernel;
    private final TenantId tenant;
    private int commands;

    TargetsTour(PrintStream out, SalesKernel kernel, TenantId tenant) {
        this.out = out;
        this.kernel = kernel;
        this.tenant = tenant;
    }

    void run(FiscalCalendar calendar, LocalDate today) {
        out.println();
        out.println("8. Targets: exact decomposition, locks, approval, attainment");
        Period year = calendar.yearOf(today);
        OrgStructure org = organisation(year.start());
        Target annual = new Target(Metric.REVENUE, TargetUnit.money(Quickstart.CNY), 36_000_000_00L, year, "acme", Map.of());
        var plans = kernel.targetPlans();
        check(plans.create(as("li.na"), PLAN, year.label() + " revenue", annual, "Acme", Optional.empty(), Optional.of(30_000_000_00L)));
        check(plans.split(as("li.na"), PLAN, "acme", Dimension.ORG, List.of(new TargetPlan.Child("hq", "Head office"),
                new TargetPlan.Child("sh", "Shanghai branch"), new TargetPlan.Child("hz", "Hangzhou branch")),
                new Strategy.Weights(Map.of("hq", new BigDecimal("40"), "sh", new BigDecimal("35"), "hz", new BigDecimal("25")))));
        Map<String, List<String>> reps = Map.of("hq", List.of("zhou", "wu"), "sh", List.of("ann", "bo", "chen"), "hz", List.of("cai"));
        Strategy.Seasonality seasonality = Strategy.Seasonality.of(pct("6"), pct("5"), pct("8"), pct("8"), pct("8"), pct("9"),
                pct("7"), pct("7"), pct("9"), pct("9"), pct("10"), pct("14"));
        for (String branch : List.of("hq", "sh", "hz")) {
            check(plans.split(as("li.na"), PLAN, "acme/" + branch, Dimension.ORG,
                    reps.get(branch).stream().map(r -> new TargetPlan.Child(r, r)).toList(), new Strategy.Equal()));
            for (String rep : reps.get(branch)) {
                check(plans.splitOverTime(as("li.na"), PLAN, "acme/" + branch + "/" + rep, PeriodKind.MONTH, seasonality));
            }
        }
        out.println("  wang.wei overrides bo to 4,500,000.00: the other Shanghai reps absorb the difference");
        check(plans.setAmount(as("wang.wei"), PLAN, "acme/sh/bo", 4_500_000_00L, "bo inherits a key account"));
        out.println("  an override beyond the branch total is refused:");
        plans.setAmount(as("wang.wei"), PLAN, "acme/sh/ann", 9_000_000_00L, "too much").peekLeft(r -> r.reasons()
                .forEach(reason -> out.printf("    refused: %s %s%n", reason.code().code(), reason.evidence())));
        check(plans.propose(as("li.na"), PLAN, "board review"));
        check(plans.approve(as("wang.wei"), PLAN));
        TargetPlan plan = plans.find(tenant, PLAN).orElseThrow();
        out.printf("  plan %s version %d %s by %s; change log has %d entries%n", plan.name(), plan.version(), plan.status(),
                plan.approvedVersions().get(0).approvedBy().value(), plan.changeLog().size());

        List<ActualFact> deals = List.of(
                deal("crm-1001", 1_200_000_00L, LocalDate.of(2026, 4, 20), "hq", credit("zhou", "1")),
                deal("crm-1002", 800_000_00L, LocalDate.of(2026, 5, 11), "sh", credit("ann", "0.4"), credit("bo", "0.6")),
                deal("crm-1003", 950_000_00L, LocalDate.of(2026, 6, 2), "hz", credit("cai", "1")),
                deal("crm-1004", 400_000_00L, LocalDate.of(2026, 7, 15), "sh", credit("chen", "1")),
                deal("crm-1005", 650_000_00L, LocalDate.of(2026, 8, 3), "hq", credit("wu", "1")));
        out.printf("  attainment as of %s (deal crm-1002 credited 40%% ann, 60%% bo; crm-1004 by chen after the move counts"
                + " for Hangzhou):%n", today);
        out.printf("    %-28s %18s %16s %8s %18s%n", "node", "target", "actual", "ratio", "run-rate");
        Map<String, Attainment.NodeAttainment> lines = new java.util.HashMap<>();
        Attainment.ofPlan(plan, deals, org, today).forEach(line -> lines.put(line.node().id(), line));
        print(plan, lines, plan.root().id(), 0);
        out.println("    (months shown for ann only; every node equals the exact sum of its children)");
    }

    private void print(TargetPlan plan, Map<String, Attainment.NodeAttainment> lines, String id, int depth) {
        Attainment.NodeAttainment line = lines.get(id);
        boolean month = line.node().dimension() == Dimension.TIME;
        out.printf("    %-28s %18s %16s %8s %18s%n", "  ".repeat(depth) + (month ? line.node().key() : line.node().label()),
                plan.unit().format(line.node().amount()), plan.unit().format(line.actual()),
                line.ratio().map(r -> r.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN) + "%").orElse("-"),
                plan.unit().format(line.projected()));
        for (String child : line.node().children()) {
            if (!lines.get(child).node().dimension().equals(Dimension.TIME) || id.equals("acme/sh/ann")) {
                print(plan, lines, child, depth + 1);
            }
        }
    }

    /**
     * The organisation through {@link dev.saleskernel.application.OrgService}: every change a
     * stored, idempotent command with its event in the outbox. Chen moves from Shanghai to
     * Hangzhou three months into the year; the history stays answerable.
     */
    private OrgStructure organisation(LocalDate from) {
        OrgService org = kernel.org();
        check(org.addUnit(as("li.na"), "acme", "Acme", UnitKind.COMPANY, Optional.empty(), from));
        check(org.addUnit(as("li.na"), "hq", "Head office", UnitKind.BRANCH_OFFICE, Optional.of("acme"), from));
        check(org.addUnit(as("li.na"), "sh", "Shanghai branch", UnitKind.BRANCH_OFFICE, Optional.of("acme"), from));
        check(org.addUnit(as("li.na"), "hz", "Hangzhou branch", UnitKind.BRANCH_OFFICE, Optional.of("acme"), from));
        String[][] reps = {{"zhou", "hq"}, {"wu", "hq"}, {"ann", "sh"}, {"bo", "sh"}, {"chen", "sh"}, {"cai", "hz"}};
        for (String[] rep : reps) {
            check(org.hire(as("li.na"), new Member(rep[0], rep[0], from, Optional.empty())));
            check(org.assign(as("li.na"), rep[0], rep[1], Role.REP, from, Optional.empty()));
        }
        LocalDate move = from.plusMonths(3);
        CommandContext moveOut = as("li.na");
        check(org.endMembership(moveOut, "chen", "sh", move));
        check(org.assign(as("li.na"), "chen", "hz", Role.REP, move, Optional.empty()));
        boolean replayed = check(org.endMembership(moveOut, "chen", "sh", move)).replayed();
        check(org.addTerritory(as("li.na"), new Territory("east", "East China", Optional.of("sh"), 0,
                List.of(TerritoryRules.from(from, Set.of("shanghai", "zhejiang"), Set.of(), Set.of(), Set.of())))));
        check(org.addProductLine(as("li.na"), "cloud", "Cloud", from));
        Executed<OrgStructure> last = check(org.renameProductLine(as("li.na"), "cloud", "Cloud & AI", move));
        OrgStructure stored = org.find(tenant);
        out.printf("  org changes go through kernel.org() (stored document version %d); chen moves Shanghai -> Hangzhou on %s%n",
                last.version(), move);
        out.printf("    in Shanghai on %s: %s; on %s: %s%n", move.minusDays(1), membersOf(stored, "sh", move.minusDays(1)), move,
                membersOf(stored, "sh", move));
        out.printf("    the move re-sent with its command id: replayed=%s, nothing changed%n", replayed);
        out.printf("    an account in zhejiang falls in territory %s; product line cloud is \"%s\" on %s and \"%s\" on %s%n",
                stored.territoriesFor(new Account("acct-1", "zhejiang", "manufacturing"), move).get(0).name(),
                stored.productLine("cloud").orElseThrow().nameOn(move.minusDays(1)), move.minusDays(1),
                stored.productLine("cloud").orElseThrow().nameOn(move), move);
        return stored;
    }

    private static String membersOf(OrgStructure org, String unit, LocalDate date) {
        return String.join(", ", org.membersOn(unit, date).stream().map(m -> m.memberId()).toList());
    }

    private static ActualFact deal(String id, long amount, LocalDate date, String unit, ActualFact.Credit... credits) {
        return new ActualFact(id, Metric.REVENUE, amount, date, unit, "all", "DIRECT", List.of(credits), Optional.empty());
    }

    private static ActualFact.Credit credit(String member, String share) {
        return new ActualFact.Credit(member, new BigDecimal(share));
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    private CommandContext as(String actor) {
        return CommandContext.of(tenant.value(), actor, "targets-" + (++commands));
    }

    private static <T> T check(Either<Rejected, T> result) {
        return result.getOrElseThrow(rejected -> new IllegalStateException(rejected.toString()));
    }
}
