package dev.saleskernel.benchmarks;

import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.analytics.FunnelData;
import dev.saleskernel.funnel.analytics.FunnelReport;
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
import dev.saleskernel.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The KPI benchmark's data and its hand-written baseline. Organisation: company → 4 branches → 5
 * teams each, 10 reps per team, all year 2026. Sales facts: one year in date order, 200,000
 * customers, booked to teams, with cost of goods, 1 in 50 a cancellation. Opportunities: created
 * in 2026 on the seeds pipeline, one product line and channel. The baseline computes, in one pass
 * over the facts and one over the opportunities, the same figures as the library for every (unit,
 * month) cell: every built-in KPI of {@link Kpis#all} (stage conversions for the 6 open stages).
 */
public final class KpiBaselines {
    static final Currency CNY = Currency.getInstance("CNY");
    static final FiscalCalendar CALENDAR = FiscalCalendar.CALENDAR_YEAR;
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final int BRANCHES = 4;
    static final int TEAMS = 20;
    static final int REPS = 200;
    static final int CUSTOMERS = 200_000;
    static final int K = 6;

    /** Raw columns as a host would load them, in date order. */
    public static final class Data {
        final OrgStructure org;
        final int[] day;
        final int[] team;
        final int[] customer;
        final long[] sales;
        final long[] cogs;
        final byte[] delta;
        final FunnelData funnel;
        final int[] oppOwner;
        final long[] oppCreated;
        final long[] oppClosed;
        final byte[] oppStatus;
        final int[] oppVisits;
        final int[] oppFurthest;
        final String[] unitNames;
        final String[] customerNames;

        Data(OrgStructure org, int[] day, int[] team, int[] customer, long[] sales, long[] cogs, byte[] delta, FunnelData funnel,
             int[] oppOwner, long[] oppCreated, long[] oppClosed, byte[] oppStatus, int[] oppVisits, int[] oppFurthest,
             String[] unitNames, String[] customerNames) {
            this.oppCreated = oppCreated;
            this.oppClosed = oppClosed;
            this.oppStatus = oppStatus;
            this.oppVisits = oppVisits;
            this.oppFurthest = oppFurthest;
            this.org = org;
            this.day = day;
            this.team = team;
            this.customer = customer;
            this.sales = sales;
            this.cogs = cogs;
            this.delta = delta;
            this.funnel = funnel;
            this.oppOwner = oppOwner;
            this.unitNames = unitNames;
            this.customerNames = customerNames;
        }

        public int facts() {
            return day.length;
        }
    }

    private KpiBaselines() {
    }

    /** Unit index: 0 company, 1..4 branches, 5..24 teams; team t (0-based) sits under branch 1 + t / 5. */
    static int parent(int unit) {
        return unit == 0 ? -1 : unit <= BRANCHES ? 0 : 1 + (unit - 1 - BRANCHES) / (TEAMS / BRANCHES);
    }

    public static Data generate(int facts, int opportunities, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] names = new String[1 + BRANCHES + TEAMS];
        List<OrgUnit> units = new ArrayList<>();
        for (int u = 0; u < names.length; u++) {
            names[u] = u == 0 ? "acme" : u <= BRANCHES ? "b" + u : "t" + (u - 1 - BRANCHES);
            Optional<String> parent = u == 0 ? Optional.empty() : Optional.of(names[parent(u)]);
            units.add(new OrgUnit(names[u], names[u], u == 0 ? UnitKind.COMPANY : u <= BRANCHES ? UnitKind.BRANCH_OFFICE : UnitKind.TEAM,
                    List.of(new Placement(parent, LocalDate.of(2025, 1, 1), Optional.empty()))));
        }
        List<Member> members = new ArrayList<>();
        List<Membership> memberships = new ArrayList<>();
        for (int p = 0; p < REPS; p++) {
            members.add(new Member("r" + p, "r" + p, LocalDate.of(2025, 1, 1), Optional.empty()));
            memberships.add(new Membership("r" + p, names[1 + BRANCHES + p % TEAMS], Role.REP, LocalDate.of(2025, 1, 1), Optional.empty()));
        }
        OrgStructure org = OrgStructure.of(TenantId.of("bench"), units, members, memberships, List.of(), List.of());
        int[] day = new int[facts];
        int[] team = new int[facts];
        int[] customer = new int[facts];
        long[] sales = new long[facts];
        long[] cogs = new long[facts];
        byte[] delta = new byte[facts];
        int first = (int) START.toEpochDay();
        for (int i = 0; i < facts; i++) {
            day[i] = first + (int) ((long) i * 365 / facts);
            customer[i] = r.nextInt(CUSTOMERS);
            team[i] = 1 + BRANCHES + customer[i] % TEAMS;
            boolean cancel = r.nextInt(50) == 0;
            long amount = r.nextLong(1_000, 10_000_000);
            sales[i] = cancel ? -amount : amount;
            cogs[i] = sales[i] / 2 + r.nextInt(1000);
            delta[i] = (byte) (cancel ? -1 : 1);
        }
        FunnelData.Builder b = FunnelData.builder(DefaultPipelines.seeds(), CNY, opportunities);
        int[] oppOwner = new int[opportunities];
        long[] oppCreated = new long[opportunities];
        long[] oppClosed = new long[opportunities];
        byte[] oppStatus = new byte[opportunities];
        int[] oppVisits = new int[opportunities];
        int[] oppFurthest = new int[opportunities];
        long yearStart = START.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < opportunities; i++) {
            int owner = r.nextInt(REPS);
            oppOwner[i] = owner;
            long created = yearStart + r.nextLong(364L * 86_400);
            int furthest = r.nextInt(K);
            int outcome = r.nextInt(3);
            int n = furthest + (outcome == 0 ? 1 : 2);
            int[] stages = new int[n];
            long[] entered = new long[n];
            long[] left = new long[n];
            long t = created;
            for (int s = 0; s <= furthest; s++) {
                stages[s] = s;
                entered[s] = t;
                t += r.nextInt(10 * 86_400);
                left[s] = t;
            }
            if (outcome == 0) {
                left[furthest] = -1;
            } else {
                stages[n - 1] = outcome == 1 ? K : K + 1;
                entered[n - 1] = t;
                left[n - 1] = -1;
            }
            byte status = outcome == 0 ? FunnelData.OPEN : outcome == 1 ? FunnelData.WON : FunnelData.LOST;
            String rep = "r" + owner;
            oppCreated[i] = created;
            oppClosed[i] = outcome == 0 ? -1 : t;
            oppStatus[i] = status;
            oppVisits[i] = r.nextInt(6);
            oppFurthest[i] = outcome == 1 ? K : furthest;
            b.add("o" + i, created, oppClosed[i], status, stages[n - 1], r.nextLong(1_000, 100_000_000), 5000,
                    new String[] {rep, rep, "seeds", "cloud", "DIRECT"}, 0, oppVisits[i], stages, entered, left);
        }
        String[] customerNames = new String[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            customerNames[c] = "c" + c;
        }
        return new Data(org, day, team, customer, sales, cogs, delta, b.build(), oppOwner, oppCreated, oppClosed, oppStatus,
                oppVisits, oppFurthest, names, customerNames);
    }

    static List<Period> months() {
        return CALENDAR.yearOf(START).children().stream().flatMap(h -> h.children().stream()).flatMap(q -> q.children().stream()).toList();
    }

    /** The library: facts table (with headcount and funnel cohorts), cube by org × month, every KPI of every cell. */
    public static Map<Cell, List<String>> library(Data data) {
        return library(data, phase -> {
        });
    }

    /** The phases of {@link #library(Data)}, for {@code mark}: orders, headcount, funnel, build, cube, kpis. */
    static final List<String> PHASES = List.of("addOrders", "addHeadcount", "addFunnel", "build", "cube", "kpis");

    /** {@link #library(Data)}, calling {@code mark} with the index of each phase of {@link #PHASES} as it ends. */
    static Map<Cell, List<String>> library(Data data, java.util.function.IntConsumer mark) {
        KpiFacts.Builder builder = KpiFacts.builder(CNY, data.facts())
                .dictionary(CutDimension.ORG_UNIT, List.of(data.unitNames))
                .dictionary(CutDimension.TERRITORY, List.of("-"))
                .dictionary(CutDimension.CHANNEL, List.of("DIRECT"))
                .dictionary(CutDimension.PRODUCT_LINE, List.of("cloud"))
                .customerDictionary(List.of(data.customerNames))
                .addOrders(data.facts(), data.day, data.team, null, null, null, data.customer, data.sales, data.cogs, data.delta);
        mark.accept(0);
        List<Period> months = months();
        builder.addHeadcount(data.org, months);
        mark.accept(1);
        builder.addFunnel(data.funnel, new FunnelReport.Options(0, 1, 2), data.org, months);
        mark.accept(2);
        KpiFacts facts = builder.observedThrough(LocalDate.of(2026, 12, 31)).build().get();
        mark.accept(3);
        KpiCube cube = KpiCube.of(facts, data.org, CALENDAR, PeriodKind.MONTH, Set.of(CutDimension.ORG_UNIT)).get();
        mark.accept(4);
        List<Kpi> kpis = Kpis.all(K);
        Map<Cell, List<String>> values = new HashMap<>();
        for (Cell cell : cube.cells()) {
            List<String> line = new ArrayList<>(kpis.size());
            for (Kpi kpi : kpis) {
                line.add(cube.value(kpi, cell).asOptional().map(BigDecimal::toPlainString).orElse("-"));
            }
            values.put(cell, line);
        }
        mark.accept(5);
        return values;
    }

    private static final int M_SALES = 0, M_ORDERS = 1, M_COGS = 2, M_NEW = 3, M_ACTIVE = 4, M_COHORT = 5, M_RETAINED = 6,
            M_REP_DAYS = 7, M_WON = 8, M_CYCLE = 9, M_VISITS = 10, M_REACHED = 11, MEASURES = M_REACHED + K + 1;

    /** The hand-written single pass: same figures, plain arrays, input in date order. */
    public static Map<Cell, List<String>> baseline(Data data) {
        int units = data.unitNames.length;
        long[][][] sums = new long[units][12][MEASURES];
        int[] lastMonth = new int[CUSTOMERS];
        int[] lastTeam = new int[CUSTOMERS];
        boolean[] lastCohort = new boolean[CUSTOMERS];
        java.util.Arrays.fill(lastMonth, -1);
        int first = (int) START.toEpochDay();
        int[] monthOf = new int[366];
        for (int d = 0; d < 366; d++) {
            monthOf[d] = LocalDate.ofEpochDay(first + d).getMonthValue() - 1;
        }
        for (int i = 0; i < data.facts(); i++) {
            int m = monthOf[data.day[i] - first];
            int t = data.team[i];
            long[] cell = sums[t][m];
            cell[M_SALES] += data.sales[i];
            cell[M_COGS] += data.cogs[i];
            cell[M_ORDERS] += data.delta[i];
            if (data.delta[i] != 1) {
                continue;
            }
            int c = data.customer[i];
            if (lastMonth[c] == m) {
                continue;
            }
            if (lastMonth[c] < 0) {
                cell[M_NEW]++;
            } else if (lastMonth[c] == m - 1 && lastCohort[c]) {
                sums[lastTeam[c]][m - 1][M_RETAINED]++;
            }
            cell[M_ACTIVE]++;
            lastCohort[c] = m <= 10;
            if (lastCohort[c]) {
                cell[M_COHORT]++;
            }
            lastMonth[c] = m;
            lastTeam[c] = t;
        }
        long yearStart = START.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < data.oppOwner.length; i++) {
            int t = 1 + BRANCHES + data.oppOwner[i] % TEAMS;
            long created = data.oppCreated[i];
            int m = monthOf[(int) ((created - yearStart) / 86_400)];
            long[] cell = sums[t][m];
            for (int s = 0; s <= data.oppFurthest[i]; s++) {
                cell[M_REACHED + s]++;
            }
            if (data.oppStatus[i] == FunnelData.WON) {
                cell[M_WON]++;
                cell[M_CYCLE] += data.oppClosed[i] - created;
                cell[M_VISITS] += data.oppVisits[i];
            }
        }
        List<Period> months = months();
        for (int t = 1 + BRANCHES; t < units; t++) {
            for (int m = 0; m < 12; m++) {
                sums[t][m][M_REP_DAYS] = (REPS / TEAMS) * months.get(m).days();
            }
        }
        for (int u = units - 1; u > 0; u--) {
            for (int m = 0; m < 12; m++) {
                for (int k = 0; k < MEASURES; k++) {
                    sums[parent(u)][m][k] += sums[u][m][k];
                }
            }
        }
        Map<Cell, List<String>> values = new HashMap<>();
        for (int u = 0; u < units; u++) {
            for (int m = 0; m < 12; m++) {
                values.put(Cell.of(data.unitNames[u], months.get(m)), figures(sums[u][m], months.get(m).days()));
            }
        }
        return values;
    }

    private static String ratio(BigDecimal numerator, BigDecimal denominator, int scale) {
        return denominator.signum() == 0 ? "-" : numerator.divide(denominator, scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static BigDecimal b(long v) {
        return BigDecimal.valueOf(v);
    }

    private static BigDecimal money(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }

    private static List<String> figures(long[] s, long days) {
        long margin = s[M_SALES] - s[M_COGS];
        long churned = s[M_COHORT] - s[M_RETAINED];
        List<String> v = new ArrayList<>();
        v.add(money(s[M_SALES]).toPlainString());
        v.add(Long.toString(s[M_ORDERS]));
        v.add(ratio(money(s[M_SALES]), b(s[M_ORDERS]), 2));
        v.add("-");
        v.add("-");
        v.add(money(margin).toPlainString());
        v.add(ratio(b(margin), b(s[M_SALES]), 4));
        v.add(money(margin).toPlainString());
        v.add(ratio(b(margin), b(s[M_SALES]), 4));
        v.add(Long.toString(s[M_NEW]));
        v.add(ratio(BigDecimal.ZERO.setScale(2), b(s[M_NEW]), 2));
        v.add(ratio(b(s[M_RETAINED]), b(s[M_COHORT]), 4));
        v.add(ratio(b(churned), b(s[M_COHORT]), 4));
        v.add(s[M_ACTIVE] == 0 || s[M_COHORT] == 0 || churned == 0 ? "-"
                : ratio(money(margin).multiply(b(s[M_COHORT])), b(s[M_ACTIVE]).multiply(b(churned)), 2));
        v.add("-");
        v.add(ratio(b(s[M_CYCLE]), b(s[M_WON]).multiply(b(86_400)), 2));
        v.add(ratio(b(s[M_VISITS]), b(s[M_WON]), 2));
        v.add(ratio(money(s[M_SALES]).multiply(b(days)), b(s[M_REP_DAYS]), 2));
        for (int st = 0; st < K; st++) {
            v.add(ratio(b(s[M_REACHED + st + 1]), b(s[M_REACHED + st]), 4));
        }
        return v;
    }
}
