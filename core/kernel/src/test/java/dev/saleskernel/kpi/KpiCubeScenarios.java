package dev.saleskernel.kpi;

import static dev.saleskernel.kpi.KpiFixtures.FEB;
import static dev.saleskernel.kpi.KpiFixtures.JAN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.analytics.FunnelReport;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.Orgs;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cuts, effective-dated roll-ups, targets, rankings, growth, host metrics and refusals. */
class KpiCubeScenarios {
    private final KpiFacts facts = KpiFixtures.facts();
    private final KpiCube byOrg = KpiFixtures.monthlyByOrg(facts);

    @Test
    void a_team_moved_to_another_branch_counts_for_the_old_branch_before_the_move_and_the_new_one_after() {
        OrgStructure moved = Orgs.ok(KpiFixtures.org().moveUnit("hz-1", "sh", LocalDate.of(2026, 2, 1), Orgs.HR, Orgs.AT));
        KpiCube cube = KpiFixtures.ok(KpiCube.of(facts, moved, KpiFixtures.CALENDAR, PeriodKind.MONTH, Set.of(CutDimension.ORG_UNIT)));

        assertThat(cube.value(Kpis.SALES_AMOUNT, Cell.of("hz", JAN)).toString()).isEqualTo("200.00");
        assertThat(cube.value(Kpis.SALES_AMOUNT, Cell.of("sh", FEB)).toString()).as("800.00 + (−200.00)").isEqualTo("600.00");
        assertThat(cube.value(Kpis.SALES_AMOUNT, Cell.of("hz", FEB)).toString()).isEqualTo("400.00");
        assertThat(cube.value(Kpis.SALES_AMOUNT, Cell.of("hq", FEB)).toString()).isEqualTo("1000.00");
    }

    @Test
    void a_cube_cut_by_territory_channel_or_product_line_sums_each_value_and_marks_uncut_dimensions_all() {
        KpiCube byTerritory = KpiFixtures.ok(KpiCube.of(facts, KpiFixtures.org(), KpiFixtures.CALENDAR, PeriodKind.MONTH,
                Set.of(CutDimension.TERRITORY)));
        assertThat(byTerritory.value(Kpis.SALES_AMOUNT, new Cell(Cell.ALL, "east", Cell.ALL, Cell.ALL, JAN)).toString()).isEqualTo("1800.00");
        assertThat(byTerritory.value(Kpis.SALES_AMOUNT, new Cell(Cell.ALL, "west", Cell.ALL, Cell.ALL, JAN)).toString()).isEqualTo("200.00");

        KpiCube byOrgChannelLine = KpiFixtures.ok(KpiCube.of(facts, KpiFixtures.org(), KpiFixtures.CALENDAR, PeriodKind.MONTH,
                Set.of(CutDimension.ORG_UNIT, CutDimension.CHANNEL, CutDimension.PRODUCT_LINE)));
        assertThat(byOrgChannelLine.value(Kpis.SALES_AMOUNT, new Cell("hq", Cell.ALL, "DIRECT", "cloud", JAN)).toString())
                .isEqualTo("1700.00");
        assertThat(byOrgChannelLine.value(Kpis.SALES_AMOUNT, new Cell("sh", Cell.ALL, "AGENT", "erp", JAN)).toString())
                .isEqualTo("300.00");
        assertThat(byOrgChannelLine.value(Kpis.SALES_CYCLE_DAYS, new Cell("sh-1", Cell.ALL, "DIRECT", "cloud", JAN)).toString())
                .as("funnel cohorts keep their channel and product line").isEqualTo("20.00");
    }

    @Test
    void a_quarter_cube_equals_the_sum_of_the_monthly_cube() {
        KpiCube quarterly = KpiFixtures.ok(KpiCube.of(facts, KpiFixtures.org(), KpiFixtures.CALENDAR, PeriodKind.QUARTER,
                Set.of(CutDimension.ORG_UNIT)));
        for (Kpi kpi : Kpis.all(6)) {
            assertThat(quarterly.value(kpi, Cell.of("hq", KpiFixtures.Q1))).as(kpi.code())
                    .isEqualTo(byOrg.value(kpi, Cell.of("hq", KpiFixtures.Q1)));
        }
    }

    @Test
    void comparison_with_target_gives_attainment_and_gap_and_no_target_is_undefined() {
        Map<Cell, BigDecimal> targets = new LinkedHashMap<>();
        targets.put(Cell.of("sh", JAN), new BigDecimal("2000.00"));
        targets.put(Cell.of("hz", JAN), null);
        List<KpiCube.Comparison> lines = byOrg.compare(Kpis.SALES_AMOUNT, targets);

        assertThat(lines.get(0).attainment().toString()).isEqualTo("0.9000");
        assertThat(lines.get(0).gap()).contains(new BigDecimal("200.00"));
        assertThat(lines.get(1).attainment()).isEqualTo(new KpiValue.Undefined(KpiValue.Reason.NO_TARGET, "target"));
    }

    @Test
    void ranking_puts_the_highest_first_shares_ties_and_puts_undefined_values_last() {
        List<Cell> teams = List.of(Cell.of("hz-2", JAN), Cell.of("sh-1", JAN), Cell.of("hz-1", JAN), Cell.of("sh-2", JAN));
        List<KpiCube.Ranked> bySales = byOrg.rank(Kpis.SALES_AMOUNT, teams);
        assertThat(bySales.stream().map(r -> r.rank() + ":" + r.cell().orgUnit()))
                .containsExactly("1:sh-1", "2:sh-2", "3:hz-1", "4:hz-2");
        List<KpiCube.Ranked> byOrderValue = byOrg.rank(Kpis.AVERAGE_ORDER_VALUE, teams);
        assertThat(byOrderValue.get(3).cell().orgUnit()).isEqualTo("hz-2");
        assertThat(byOrderValue.get(3).value().isDefined()).isFalse();
        List<KpiCube.Ranked> tied = byOrg.rank(Kpis.NEW_CUSTOMER_COUNT, List.of(Cell.of("sh-2", JAN), Cell.of("hz-1", JAN),
                Cell.of("sh-1", JAN)));
        assertThat(tied.stream().map(r -> r.rank() + ":" + r.cell().orgUnit())).containsExactly("1:sh-1", "2:hz-1", "2:sh-2");
    }

    @Test
    void period_on_period_growth_uses_the_exact_values_and_year_on_year_without_history_has_no_baseline() {
        assertThat(byOrg.periodOnPeriod(Kpis.SALES_AMOUNT, Cell.of("sh-1", FEB)).toString()).as("(800 − 1500) ÷ 1500").isEqualTo("-0.4667");
        assertThat(byOrg.yearOnYear(Kpis.SALES_AMOUNT, Cell.of("sh-1", JAN)))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.NO_BASELINE, "previous"));
        assertThat(byOrg.periodOnPeriod(Kpis.AVERAGE_ORDER_VALUE, Cell.of("hz", FEB)))
                .as("an undefined current value keeps its own reason")
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "orders"));
        assertThat(byOrg.periodOnPeriod(Kpis.GROSS_MARGIN_RATE, Cell.of("sh-1", FEB)).toString())
                .as("(0.5 − 0.4666…) ÷ 0.4666… = 1/14").isEqualTo("0.0714");
    }

    @Test
    void year_on_year_growth_compares_with_the_same_month_a_year_earlier() {
        KpiFacts twoYears = KpiFixtures.ok(KpiFacts.builder(KpiFixtures.CNY, 2)
                .addOrder(LocalDate.of(2025, 1, 9), "sh-1", "east", "DIRECT", "cloud", "c1", 1200_00, 0, 1)
                .addOrder(LocalDate.of(2026, 1, 9), "sh-1", "east", "DIRECT", "cloud", "c1", 1500_00, 0, 1).build());
        KpiCube cube = KpiFixtures.monthlyByOrg(twoYears);
        assertThat(cube.yearOnYear(Kpis.SALES_AMOUNT, Cell.of("hq", JAN)).toString()).isEqualTo("0.2500");
    }

    /** A host metric: product demos per order, from a host measure. */
    private record DemosPerOrder(Measure demos) implements Kpi {
        @Override
        public String code() {
            return "demos-per-order";
        }

        @Override
        public KpiUnit unit() {
            return KpiUnit.PER_COUNT;
        }

        @Override
        public String formula() {
            return "demos ÷ orders";
        }

        @Override
        public KpiValue evaluate(Totals totals) {
            return Kpi.ratio(BigDecimal.valueOf(totals.get(demos)), BigDecimal.valueOf(totals.get(Measure.ORDERS)), unit(), totals,
                    "orders");
        }
    }

    @Test
    void a_host_defined_metric_is_rolled_up_by_the_same_machinery() {
        Measure demos = Measure.count("demos");
        KpiFacts withDemos = KpiFixtures.ok(KpiFixtures.ordersOnly().declare(demos)
                .addMeasure(KpiFixtures.jan(8), "sh-1", "east", "DIRECT", "cloud", demos, 5)
                .addMeasure(KpiFixtures.jan(9), "hz-1", "west", "DIRECT", "cloud", demos, 2).build());
        KpiCube cube = KpiFixtures.monthlyByOrg(withDemos);
        DemosPerOrder kpi = new DemosPerOrder(demos);
        assertThat(cube.value(kpi, Cell.of("sh-1", JAN)).toString()).isEqualTo("2.50");
        assertThat(cube.value(kpi, Cell.of("hq", JAN)).toString()).as("(5 + 2) ÷ 4").isEqualTo("1.75");
        assertThat(cube.rank(kpi, List.of(Cell.of("hz-1", JAN), Cell.of("sh-1", JAN))).get(0).cell().orgUnit()).isEqualTo("sh-1");
    }

    @Test
    void a_table_with_bad_rows_is_refused_with_every_reason_and_the_offending_fields() {
        Rejected refused = KpiFacts.builder(KpiFixtures.CNY, 4)
                .addOrder(KpiFixtures.jan(2), " ", "east", "DIRECT", "cloud", "c1", 100, 0, 1)
                .addOrder(KpiFixtures.jan(2), "sh-1", "east", "DIRECT", "cloud", "c1", 100, 0, 2)
                .addSurvey(KpiFixtures.jan(2), "sh-1", "east", "DIRECT", "cloud", 101)
                .addAcquisitionSpend(KpiFixtures.jan(2), "sh-1", "east", "DIRECT", "cloud", -5)
                .addOrder(LocalDate.of(1899, 12, 31), "sh-1", "east", "DIRECT", "cloud", "", 100, 0, 1)
                .build().getLeft();

        assertThat(refused.codes()).containsExactly("kpi/DIMENSION_BLANK", "kpi/ORDER_COUNT_INVALID", "kpi/SCORE_OUT_OF_RANGE",
                "kpi/NEGATIVE_COUNT", "kpi/DATE_OUT_OF_RANGE", "kpi/DIMENSION_BLANK");
        assertThat(refused.reasons().stream().map(r -> r.subject() + "." + r.field())).containsExactly("kpi-facts:orders[0].orgUnit",
                "kpi-facts:orders[1].orderDelta", "kpi-facts:rows[0].points", "kpi-facts:rows[1].spend", "kpi-facts:orders[2].date",
                "kpi-facts:orders[2].customer");
    }

    @Test
    void facts_booked_to_units_the_org_does_not_know_are_refused_by_name() {
        KpiFacts unknown = KpiFixtures.ok(KpiFacts.builder(KpiFixtures.CNY, 2)
                .addOrder(KpiFixtures.jan(2), "mars", "east", "DIRECT", "cloud", "c1", 100, 0, 1).build());
        Rejected refused = KpiCube.of(unknown, KpiFixtures.org(), KpiFixtures.CALENDAR, PeriodKind.MONTH,
                Set.of(CutDimension.ORG_UNIT)).getLeft();
        assertThat(refused.codes()).containsExactly("kpi/UNKNOWN_ORG_UNIT");
        assertThat(refused.reasons().get(0).message()).contains("mars");
    }

    @Test
    void funnel_owners_outside_the_sales_organisation_are_refused() {
        dev.saleskernel.funnel.analytics.FunnelData.Builder b = dev.saleskernel.funnel.analytics.FunnelData.builder(
                dev.saleskernel.funnel.DefaultPipelines.seeds(), KpiFixtures.CNY, 1);
        b.add("o9", KpiFixtures.epoch(KpiFixtures.jan(2)), -1, dev.saleskernel.funnel.analytics.FunnelData.OPEN, 0, 100, 1000,
                new String[] {"stranger", "stranger", "seeds", "cloud", "DIRECT"}, 0, 0, new int[] {0},
                new long[] {KpiFixtures.epoch(KpiFixtures.jan(2))}, new long[] {-1});
        Rejected refused = KpiFacts.builder(KpiFixtures.CNY, 1).addFunnel(b.build(), new FunnelReport.Options(0, 1, 2),
                KpiFixtures.org(), List.of(JAN)).build().getLeft();
        assertThat(refused.reasons()).extracting(Rejection::field).containsExactly("owner");
        assertThat(refused.codes()).containsExactly("kpi/UNKNOWN_ORG_UNIT");
    }

    @Test
    void a_sum_beyond_the_long_range_is_refused_not_wrapped() {
        KpiFacts huge = KpiFixtures.ok(KpiFacts.builder(KpiFixtures.CNY, 2)
                .addOrder(KpiFixtures.jan(2), "sh-1", "east", "DIRECT", "cloud", "c1", Long.MAX_VALUE, 0, 1)
                .addOrder(KpiFixtures.jan(3), "sh-2", "east", "DIRECT", "cloud", "c2", 1, 0, 1).build());
        assertThat(KpiCube.of(huge, KpiFixtures.org(), KpiFixtures.CALENDAR, PeriodKind.MONTH, Set.of(CutDimension.ORG_UNIT))
                .getLeft().codes()).containsExactly("kpi/AMOUNT_OVERFLOW");
    }
}
