package dev.saleskernel.target;

import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static dev.saleskernel.org.Orgs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.Orgs;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttainmentScenarios {
    static final Period Q1 = FiscalCalendar.CALENDAR_YEAR.quarter(2026, 1);
    static final Attainment.Filter Q1_REVENUE = Attainment.Filter.of(Metric.REVENUE, Q1.range());
    private final OrgStructure org = Orgs.headOfficeAndTwoBranches();

    static ActualFact deal(String id, long amount, LocalDate date, String unit, ActualFact.Credit... credits) {
        return new ActualFact(id, Metric.REVENUE, amount, date, unit, "cloud", "DIRECT", List.of(credits), Optional.empty());
    }

    static ActualFact.Credit credit(String member, String share) {
        return new ActualFact.Credit(member, new BigDecimal(share));
    }

    @Test
    void a_rep_credited_40_percent_of_a_deal_attains_40_percent_of_it() {
        ActualFact deal = deal("d-1", 100_000_00, LocalDate.of(2026, 2, 1), "sh-1", credit("ann", "0.40"), credit("cai", "0.60"));

        Attainment.Credited credited = Attainment.credit(List.of(deal), org, Q1_REVENUE);

        assertThat(credited.member("ann")).isEqualTo(40_000_00);
        assertThat(credited.member("cai")).isEqualTo(60_000_00);
        assertThat(credited.unit("sh-1")).isEqualTo(40_000_00);
        assertThat(credited.unit("hz")).isEqualTo(60_000_00);
        assertThat(credited.unit("hq")).isEqualTo(100_000_00);
    }

    @Test
    void credit_follows_effective_dated_membership_so_a_mid_quarter_move_splits_the_rep_s_deals_between_teams() {
        LocalDate move = LocalDate.of(2026, 2, 15);
        OrgStructure moved = ok(ok(org.endMembership("ann", "sh-1", move, HR, AT)).assign("ann", "hz-1", Role.REP, move,
                Optional.empty(), HR, AT));
        List<ActualFact> deals = List.of(deal("d-1", 300, LocalDate.of(2026, 2, 14), "sh-1", credit("ann", "1")),
                deal("d-2", 500, LocalDate.of(2026, 2, 15), "hz-1", credit("ann", "1")));

        Attainment.Credited credited = Attainment.credit(deals, moved, Q1_REVENUE);

        assertThat(credited.unit("sh-1")).isEqualTo(300);
        assertThat(credited.unit("hz-1")).isEqualTo(500);
        assertThat(credited.member("ann")).isEqualTo(800);
        assertThat(credited.unit("hq")).isEqualTo(800);
    }

    @Test
    void when_a_team_moves_to_another_branch_its_deals_count_for_the_old_branch_before_and_the_new_one_after() {
        OrgStructure reorganised = ok(org.moveUnit("sh-2", "hz", LocalDate.of(2026, 2, 1), HR, AT));
        List<ActualFact> deals = List.of(deal("d-1", 300, LocalDate.of(2026, 1, 31), "sh-2", credit("bo", "1")),
                deal("d-2", 500, LocalDate.of(2026, 2, 1), "sh-2", credit("bo", "1")),
                deal("d-3", 700, LocalDate.of(2026, 1, 15), "sh-2"));

        Attainment.Credited credited = Attainment.credit(deals, reorganised, Q1_REVENUE);

        assertThat(credited.unit("sh")).isEqualTo(1000);
        assertThat(credited.unit("hz")).isEqualTo(500);
        assertThat(credited.unit("sh-2")).isEqualTo(1500);
        assertThat(credited.unit("hq")).isEqualTo(1500);
    }

    @Test
    void a_matrix_rep_s_deal_counts_in_both_units_but_once_in_their_common_ancestor() {
        OrgStructure matrix = ok(org.assign("ann", "cloud", Role.REP, LocalDate.of(2026, 1, 1), Optional.empty(), HR, AT));

        Attainment.Credited credited = Attainment.credit(List.of(deal("d-1", 1000, LocalDate.of(2026, 3, 1), "sh-1",
                credit("ann", "1"))), matrix, Q1_REVENUE);

        assertThat(credited.unit("sh-1")).isEqualTo(1000);
        assertThat(credited.unit("cloud")).isEqualTo(1000);
        assertThat(credited.unit("hq")).isEqualTo(1000);
    }

    @Test
    void the_ledger_is_idempotent_by_source_id_and_a_reversal_cancels_exactly_once() {
        ActualFact deal = deal("d-1", 1000, LocalDate.of(2026, 3, 1), "sh-1", credit("ann", "0.5"), credit("bo", "0.5"));
        Actuals ledger = Actuals.empty().record(deal).get().record(deal).get();
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(ledger.record(deal("d-1", 999, LocalDate.of(2026, 3, 1), "sh-1")).getLeft().codes())
                .containsExactly(TargetRejection.FACT_CONFLICT.code());

        Actuals corrected = ledger.record(deal.reversal("d-1-rev", LocalDate.of(2026, 3, 20))).get();

        assertThat(Attainment.credit(corrected.facts(), org, Q1_REVENUE).member("ann")).isZero();
        assertThat(corrected.record(deal.reversal("d-1-rev2", LocalDate.of(2026, 3, 21))).isLeft()).isTrue();
    }

    @Test
    void ratio_growth_run_rate_and_ranking_follow_their_formulas() {
        assertThat(Attainment.ratio(75, 100)).contains(new BigDecimal("0.7500"));
        assertThat(Attainment.ratio(1, 3)).contains(new BigDecimal("0.3333"));
        assertThat(Attainment.ratio(5, 0)).isEmpty();
        assertThat(Attainment.growth(120, 100)).contains(new BigDecimal("0.2000"));
        assertThat(Attainment.growth(80, 100)).contains(new BigDecimal("-0.2000"));
        assertThat(Attainment.runRate(300_00, Q1, LocalDate.of(2026, 1, 30))).isEqualTo(900_00);
        assertThat(Attainment.runRate(300_00, Q1, LocalDate.of(2026, 5, 1))).isEqualTo(300_00);

        List<Attainment.Ranked> ranking = Attainment.rank(Map.of("ann", 90L, "bo", 45L, "cai", 50L, "dan", 10L),
                Map.of("ann", 100L, "bo", 50L, "cai", 100L, "dan", 0L));

        assertThat(ranking).extracting(Attainment.Ranked::id).containsExactly("ann", "bo", "cai", "dan");
        assertThat(ranking).extracting(Attainment.Ranked::rank).containsExactly(1, 2, 3, 4);
        assertThat(Attainment.rank(Map.of("x", 5L, "y", 5L), Map.of("x", 10L, "y", 10L)))
                .extracting(Attainment.Ranked::rank).containsExactly(1, 1);
    }

    @Test
    void plan_attainment_reads_each_node_s_org_scope_product_line_and_period() {
        TargetPlan plan = Plans.aPlan(1_000_000, "hq");
        plan = Plans.ok(plan.split("hq", Dimension.ORG, Plans.children("sh", "hz"), new Strategy.Equal(), Plans.ALICE, Plans.AT));
        plan = Plans.ok(plan.splitOverTime("hq/sh", dev.saleskernel.period.PeriodKind.QUARTER, new Strategy.Equal(), Plans.ALICE, Plans.AT));
        List<ActualFact> deals = List.of(deal("d-1", 100_000, LocalDate.of(2026, 2, 1), "sh-1", credit("ann", "1")),
                deal("d-2", 20_000, LocalDate.of(2026, 4, 2), "sh-2", credit("bo", "1")),
                deal("d-3", 50_000, LocalDate.of(2026, 2, 1), "hz-1", credit("cai", "1")));

        Map<String, Long> actual = new java.util.HashMap<>();
        Attainment.ofPlan(plan, deals, org, LocalDate.of(2026, 3, 31)).forEach(a -> actual.put(a.node().id(), a.actual()));

        assertThat(actual).containsEntry("hq", 150_000L).containsEntry("hq/sh", 100_000L).containsEntry("hq/hz", 50_000L)
                .containsEntry("hq/sh/FY2026-Q1", 100_000L).containsEntry("hq/sh/FY2026-Q2", 0L);
    }
}
