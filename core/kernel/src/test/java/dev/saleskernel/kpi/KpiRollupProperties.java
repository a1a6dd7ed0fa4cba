package dev.saleskernel.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.Orgs;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Roll-up properties on random facts booked to the four leaf teams, with hz-1 moving from the
 * Hangzhou to the Shanghai branch on a random day of the quarter.
 */
class KpiRollupProperties {
    private static final String[] LEAVES = {"sh-1", "sh-2", "hz-1", "hz-2"};
    private static final LocalDate Q1_START = LocalDate.of(2026, 1, 1);
    private static final List<Measure> ADDITIVE = Measure.BUILT_IN;

    private static final java.util.Map<LocalDate, OrgStructure> ORGS = new java.util.concurrent.ConcurrentHashMap<>();

    private record Example(KpiFacts facts, OrgStructure org, LocalDate moveDay) {
    }

    private static Example randomExample(long seed) {
        Random r = new Random(seed);
        LocalDate moveDay = Q1_START.plusDays(1 + r.nextInt(88));
        OrgStructure org = ORGS.computeIfAbsent(moveDay, d -> Orgs.ok(KpiFixtures.org().moveUnit("hz-1", "sh", d, Orgs.HR, Orgs.AT)));
        KpiFacts.Builder b = KpiFacts.builder(KpiFixtures.CNY, 32);
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            LocalDate day = Q1_START.plusDays(r.nextInt(90));
            String unit = LEAVES[r.nextInt(4)];
            int delta = r.nextInt(6) == 0 ? -1 : r.nextInt(6) == 0 ? 0 : 1;
            long sales = r.nextInt(1_000_000) * (delta < 0 ? -1L : 1L);
            b.addOrder(day, unit, r.nextBoolean() ? "east" : "west", r.nextBoolean() ? "DIRECT" : "AGENT",
                    r.nextBoolean() ? "cloud" : "erp", "c" + r.nextInt(8), sales, sales / (1 + r.nextInt(4)), delta);
        }
        for (int i = r.nextInt(10); i > 0; i--) {
            LocalDate day = Q1_START.plusDays(r.nextInt(90));
            String unit = LEAVES[r.nextInt(4)];
            switch (r.nextInt(4)) {
                case 0 -> b.addAcquisitionSpend(day, unit, "east", "DIRECT", "cloud", r.nextInt(100_000));
                case 1 -> b.addSurvey(day, unit, "west", "AGENT", "erp", r.nextInt(101));
                case 2 -> b.addMarket(day, unit, "east", "DIRECT", "cloud", r.nextInt(10_000_000), r.nextInt(50));
                default -> b.addSellingCost(day, unit, "east", "AGENT", "cloud", r.nextInt(50_000));
            }
        }
        b.addHeadcount(org, KpiFixtures.Q1.children());
        return new Example(KpiFixtures.ok(b.observedThrough(LocalDate.of(2026, 3, 31)).build()), org, moveDay);
    }

    @Test
    void every_measure_of_a_parent_equals_the_sum_over_the_leaves_under_it_on_each_rows_date() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Example e = randomExample(seed);
            KpiCube cube = KpiFixtures.ok(KpiCube.of(e.facts(), e.org(), KpiFixtures.CALENDAR, PeriodKind.MONTH,
                    Set.of(CutDimension.ORG_UNIT)));
            for (Period month : KpiFixtures.Q1.children()) {
                Totals hq = cube.totals(Cell.of("hq", month));
                Totals sh = cube.totals(Cell.of("sh", month));
                Totals hz = cube.totals(Cell.of("hz", month));
                List<Totals> leaves = new ArrayList<>();
                for (String leaf : LEAVES) {
                    leaves.add(cube.totals(Cell.of(leaf, month)));
                }
                for (Measure m : ADDITIVE) {
                    long all = leaves.stream().mapToLong(t -> t.get(m)).sum();
                    assertThat(hq.get(m)).as("hq %s in %s", m, month.label()).isEqualTo(all);
                    assertThat(sh.get(m) + hz.get(m)).as("branches %s", m).isEqualTo(all);
                }
                if (!month.range().contains(e.moveDay()) && !month.start().isBefore(e.moveDay())) {
                    assertThat(sh.get(Measure.SALES)).as("after the move hz-1 is under sh")
                            .isEqualTo(leaves.get(0).get(Measure.SALES) + leaves.get(1).get(Measure.SALES) + leaves.get(2).get(Measure.SALES));
                }
                if (!month.endExclusive().isAfter(e.moveDay())) {
                    assertThat(hz.get(Measure.SALES)).as("before the move hz-1 is under hz")
                            .isEqualTo(leaves.get(2).get(Measure.SALES) + leaves.get(3).get(Measure.SALES));
                }
            }
        });
    }

    @Test
    void every_kpi_of_the_head_office_equals_the_kpi_computed_on_the_union_of_the_leaves_so_ratios_sum_numerators_and_denominators() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Example e = randomExample(seed);
            KpiCube byOrg = KpiFixtures.ok(KpiCube.of(e.facts(), e.org(), KpiFixtures.CALENDAR, PeriodKind.MONTH,
                    Set.of(CutDimension.ORG_UNIT)));
            KpiCube whole = KpiFixtures.ok(KpiCube.of(e.facts(), e.org(), KpiFixtures.CALENDAR, PeriodKind.MONTH, Set.of()));
            List<Period> periods = new ArrayList<>(KpiFixtures.Q1.children());
            periods.add(KpiFixtures.Q1);
            for (Period period : periods) {
                List<Totals> leaves = new ArrayList<>();
                for (String leaf : LEAVES) {
                    leaves.add(byOrg.totals(Cell.of(leaf, period)));
                }
                Totals union = Totals.sum(KpiFixtures.CNY, period.days(), leaves);
                for (Kpi kpi : Kpis.all(0)) {
                    KpiValue atHq = byOrg.value(kpi, Cell.of("hq", period));
                    assertThat(atHq).as("%s in %s", kpi.code(), period.label()).isEqualTo(kpi.evaluate(union));
                    assertThat(atHq).as("%s uncut", kpi.code()).isEqualTo(whole.value(kpi, new Cell(Cell.ALL, Cell.ALL, Cell.ALL,
                            Cell.ALL, period)));
                }
            }
        });
    }
}
