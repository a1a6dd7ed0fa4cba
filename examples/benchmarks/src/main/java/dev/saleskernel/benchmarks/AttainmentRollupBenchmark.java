package dev.saleskernel.benchmarks;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.OrgUnit;
import dev.saleskernel.org.OrgValues.Placement;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.ActualFact;
import dev.saleskernel.target.Attainment;
import dev.saleskernel.target.Metric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Attainment roll-up: N facts (one year, 80% credited to one rep, 20% split 40/60 between two)
 * credited to 100,000 reps and rolled up their effective-dated lineage (team → department →
 * branch → region → company; 11,111 units) with {@link Attainment#credit} (int-indexed roll-up),
 * against {@link AttainmentBaselines#rollUp}, a hand-written roll-up over the org frozen into arrays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AttainmentRollupBenchmark {
    static final int REPS = 100_000;
    static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);

    @Param({"1000000", "10000000"})
    int facts;

    OrgStructure org;
    List<ActualFact> actuals;
    Attainment.Filter filter;
    AttainmentBaselines.FrozenOrg frozen;

    @Setup
    public void setUp() {
        List<OrgUnit> units = new ArrayList<>();
        units.add(unit("u0", Optional.empty()));
        int levelStart = 0;
        int levelSize = 1;
        int nextId = 1;
        while (levelSize * 10 < REPS) {
            for (int p = levelStart; p < levelStart + levelSize; p++) {
                for (int c = 0; c < 10; c++) {
                    units.add(unit("u" + nextId++, Optional.of("u" + p)));
                }
            }
            levelStart += levelSize;
            levelSize *= 10;
        }
        int firstTeam = levelStart;
        List<Member> members = new ArrayList<>(REPS);
        List<Membership> memberships = new ArrayList<>(REPS);
        String[] repIds = new String[REPS];
        for (int r = 0; r < REPS; r++) {
            repIds[r] = "r" + r;
            members.add(new Member(repIds[r], repIds[r], LocalDate.of(2020, 1, 1), Optional.empty()));
            memberships.add(new Membership(repIds[r], "u" + (firstTeam + r / 10), Role.REP, LocalDate.of(2020, 1, 1),
                    Optional.empty()));
        }
        org = OrgStructure.of(TenantId.of("bench"), units, members, memberships, List.of(), List.of());
        frozen = freeze(units, repIds, firstTeam);
        List<List<ActualFact.Credit>> solo = new ArrayList<>(REPS);
        ActualFact.Credit[] forty = new ActualFact.Credit[REPS];
        ActualFact.Credit[] sixty = new ActualFact.Credit[REPS];
        for (int r = 0; r < REPS; r++) {
            solo.add(List.of(new ActualFact.Credit(repIds[r], BigDecimal.ONE)));
            forty[r] = new ActualFact.Credit(repIds[r], new BigDecimal("0.4"));
            sixty[r] = new ActualFact.Credit(repIds[r], new BigDecimal("0.6"));
        }
        LocalDate[] days = new LocalDate[365];
        for (int d = 0; d < days.length; d++) {
            days[d] = YEAR_START.plusDays(d);
        }
        SplittableRandom random = new SplittableRandom(7);
        ActualFact[] array = new ActualFact[facts];
        for (int i = 0; i < facts; i++) {
            int rep = random.nextInt(REPS);
            List<ActualFact.Credit> credits = random.nextInt(5) == 0
                    ? Arrays.asList(forty[rep], sixty[random.nextInt(REPS)]) : solo.get(rep);
            array[i] = new ActualFact("f" + i, Metric.REVENUE, 1 + random.nextInt(10_000_000), days[random.nextInt(365)],
                    "u" + (firstTeam + rep / 10), "cloud", "DIRECT", credits, Optional.empty());
        }
        actuals = Arrays.asList(array);
        filter = Attainment.Filter.of(Metric.REVENUE, FiscalCalendar.CALENDAR_YEAR.year(2026).range());
    }

    private static AttainmentBaselines.FrozenOrg freeze(List<OrgUnit> units, String[] repIds, int firstTeam) {
        java.util.Map<String, Integer> unitIndex = new java.util.HashMap<>();
        String[] unitIds = new String[units.size()];
        for (int u = 0; u < units.size(); u++) {
            unitIds[u] = units.get(u).id();
            unitIndex.put(unitIds[u], u);
        }
        int[] parent = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            parent[u] = units.get(u).placements().get(0).parentId().map(unitIndex::get).orElse(-1);
        }
        java.util.Map<String, Integer> repIndex = new java.util.HashMap<>();
        int[] teamOfRep = new int[repIds.length];
        for (int r = 0; r < repIds.length; r++) {
            repIndex.put(repIds[r], r);
            teamOfRep[r] = firstTeam + r / 10;
        }
        return new AttainmentBaselines.FrozenOrg(unitIndex, unitIds, parent, repIndex, repIds, teamOfRep);
    }

    private static OrgUnit unit(String id, Optional<String> parent) {
        return new OrgUnit(id, id, parent.isEmpty() ? UnitKind.COMPANY : UnitKind.TEAM,
                List.of(new Placement(parent, LocalDate.of(2020, 1, 1), Optional.empty())));
    }

    @Benchmark
    public Attainment.Credited library_credit_and_roll_up() {
        return Attainment.credit(actuals, org, filter);
    }

    @Benchmark
    public AttainmentBaselines.Totals baseline_hand_written_frozen_tree() {
        return AttainmentBaselines.rollUp(actuals, frozen);
    }
}
