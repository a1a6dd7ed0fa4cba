package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.PlanComponent.*;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommissionCalculatorScenarios {

    @Test
    void eleven_thousand_on_three_marginal_tiers_pays_nine_hundred() {
        // given tiers 0–5,000 @5%, 5,000–10,000 @10%, 10,000+ @15%, computed marginally
        PlanVersion plan = plan(issueTiers(Mode.MARGINAL));
        // when 11,000.00 is credited in three deals
        CompensationRun run = runOne(plan, cents("10000.00"), credits("rep-1", cents("4000.00"), cents("5000.00"), cents("2000.00")));
        // then 5,000 × 5% + 5,000 × 10% + 1,000 × 15% = 900.00, explained slice by slice
        PeriodEarnings earnings = run.earnings("rep-1");
        assertThat(earnings.components().get(0).amountMinor()).isEqualTo(cents("900.00"));
        assertThat(earnings.components().get(0).explanation().rule()).isEqualTo("tiered/marginal");
        assertThat(earnings.components().get(0).explanation().formula())
                .isEqualTo("5,000.00 × 5% + 5,000.00 × 10% + 1,000.00 × 15% = 900.00");
    }

    @Test
    void eleven_thousand_on_three_retroactive_tiers_pays_sixteen_hundred_fifty() {
        PlanVersion plan = plan(issueTiers(Mode.RETROACTIVE));
        CompensationRun run = runOne(plan, cents("10000.00"), credits("rep-1", cents("11000.00")));
        assertThat(run.componentMinor("rep-1", "commission")).isEqualTo(cents("1650.00"));
        assertThat(run.earnings("rep-1").components().get(0).explanation().formula()).isEqualTo("11,000.00 × 15% = 1,650.00");
    }

    @Test
    void a_hybrid_plan_pays_a_retroactive_decelerator_below_quota_and_marginal_accelerators_above() {
        // given quota 10,000: below 100% attainment everything at 4% (retroactive); [100%, 150%) at 12% and 150%+ at 20% marginally
        Tiered hybrid = new Tiered("commission", Basis.ATTAINMENT, List.of(
                new Tier(0, 500_000, 20_000, Mode.RETROACTIVE),
                new Tier(500_000, 1_000_000, 40_000, Mode.RETROACTIVE),
                new Tier(1_000_000, 1_500_000, 120_000, Mode.MARGINAL),
                new Tier(1_500_000, Long.MAX_VALUE, 200_000, Mode.MARGINAL)), Limits.NONE);
        CompensationRun run = runOne(plan(hybrid), cents("10000.00"), credits("rep-1", cents("16000.00")));
        // then 10,000 × 4% + 5,000 × 12% + 1,000 × 20% = 400 + 600 + 200
        assertThat(run.componentMinor("rep-1", "commission")).isEqualTo(cents("1200.00"));
        assertThat(run.earnings("rep-1").components().get(0).explanation().rule()).isEqualTo("tiered/hybrid");
        // and at 40% attainment the whole 4,000 pays the decelerated 2%
        CompensationRun low = runOne(plan(hybrid), cents("10000.00"), credits("rep-1", cents("4000.00")));
        assertThat(low.componentMinor("rep-1", "commission")).isEqualTo(cents("80.00"));
    }

    @Test
    void attainment_is_computed_on_the_cumulative_credit_not_line_by_line() {
        // given attainment tiers: 5% below 100% of quota, 10% from 100%
        Tiered tiers = tiered("commission", Basis.ATTAINMENT, Mode.MARGINAL, Limits.NONE, 0, 50_000, 1_000_000, 100_000);
        // when ten lines of 1,200.00 each reach 12,000 on a 10,000 quota (no single line reaches 100%)
        long[] lines = new long[10];
        java.util.Arrays.fill(lines, cents("1200.00"));
        CompensationRun run = runOne(plan(tiers), cents("10000.00"), credits("rep-1", lines));
        // then 10,000 × 5% + 2,000 × 10%
        assertThat(run.componentMinor("rep-1", "commission")).isEqualTo(cents("700.00"));
    }

    @Test
    void a_gate_pays_nothing_below_its_attainment_and_everything_from_it() {
        Limits gate = new Limits(Optional.of(500_000L), Optional.empty(), Optional.empty(), Optional.empty());
        PlanVersion plan = plan(new FlatRate("commission", 100_000, gate));
        assertThat(runOne(plan, cents("10000.00"), credits("rep-1", cents("4999.99"))).componentMinor("rep-1", "commission"))
                .isZero();
        assertThat(runOne(plan, cents("10000.00"), credits("rep-1", cents("5000.00"))).componentMinor("rep-1", "commission"))
                .isEqualTo(cents("500.00"));
    }

    @Test
    void caps_absolute_and_as_a_multiple_of_target_incentive_and_a_floor_bound_the_payout() {
        // given OTE 400,000 with 60% incentive: annual TI 240,000, quarter TI 60,000
        PlanVersion capped = plan(new FlatRate("commission", 500_000, cap(cents("1000.00"))));
        assertThat(runOne(capped, cents("10000.00"), credits("rep-1", cents("5000.00"))).componentMinor("rep-1", "commission"))
                .isEqualTo(cents("1000.00"));
        Limits multiple = new Limits(Optional.empty(), Optional.empty(), Optional.of(new Limit(50_000, true)), Optional.empty());
        PlanVersion byTarget = plan(new FlatRate("commission", 500_000, multiple));
        assertThat(runOne(byTarget, cents("10000.00"), credits("rep-1", cents("100000.00")))
                .componentMinor("rep-1", "commission")).isEqualTo(cents("3000.00"));
        Limits floor = new Limits(Optional.empty(), Optional.of(new Limit(cents("250.00"), false)), Optional.empty(), Optional.empty());
        PlanVersion floored = plan(new FlatRate("commission", 10_000, floor));
        assertThat(runOne(floored, cents("10000.00"), credits("rep-1", cents("100.00"))).componentMinor("rep-1", "commission"))
                .isEqualTo(cents("250.00"));
    }

    @Test
    void a_floor_paid_on_a_net_negative_total_is_split_over_the_deals_with_positive_credit_and_only_over_them() {
        // given a floor of 250.00 and a rep whose credit nets to −100.00: deal-0 +100.00, deal-1 +50.00 − 250.00 returned
        Limits floor = new Limits(Optional.empty(), Optional.of(new Limit(cents("250.00"), false)), Optional.empty(), Optional.empty());
        PlanVersion floored = plan(new FlatRate("commission", 10_000, floor));

        PeriodEarnings earnings = runOne(floored, cents("10000.00"), CreditBatch.builder(3)
                .add("rep-1", "deal-0", "p-1", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, cents("100.00"))
                .add("rep-1", "deal-1", "p-1", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, cents("50.00"))
                .add("rep-1", "deal-1", "p-1", JAN_15, CreditEvent.RETURN, CreditKind.DIRECT, cents("-250.00"))
                .build().get()).earnings("rep-1");

        // then the floor is paid, attributed to deal-0 alone
        assertThat(earnings.components().get(0).amountMinor()).isEqualTo(cents("250.00"));
        assertThat(earnings.components().get(0).dealAttributable()).isTrue();
        assertThat(earnings.dealPayouts()).extracting(PeriodEarnings.DealPayout::dealId, PeriodEarnings.DealPayout::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deal-0", cents("250.00")));

        // and with no deal of positive credit there is nothing to attribute it to
        PeriodEarnings allNegative = runOne(floored, cents("10000.00"), CreditBatch.builder(1)
                .add("rep-1", "deal-1", "p-1", JAN_15, CreditEvent.RETURN, CreditKind.DIRECT, cents("-100.00"))
                .build().get()).earnings("rep-1");
        assertThat(allNegative.components().get(0).amountMinor()).isEqualTo(cents("250.00"));
        assertThat(allNegative.components().get(0).dealAttributable()).isFalse();
        assertThat(allNegative.dealPayouts()).isEmpty();
    }

    @Test
    void a_plan_year_cap_counts_what_the_component_earned_earlier_in_the_year() {
        Limits yearCap = new Limits(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new Limit(cents("5000.00"), false)));
        PlanVersion plan = plan(new FlatRate("commission", 100_000, yearCap));
        Participant rep = Participant.of("rep-1", cents("400000.00"), cents("10000.00")).withYearToDate("commission", cents("4200.00"));
        CompensationRun run = run(plan, List.of(rep), List.of(), credits("rep-1", cents("20000.00")));
        assertThat(run.componentMinor("rep-1", "commission")).isEqualTo(cents("800.00"));
        assertThat(run.earnings("rep-1").components().get(0).explanation().formula()).endsWith("→ 800.00 after limits");
    }

    @Test
    void a_stepped_payout_curve_pays_the_step_reached_and_a_linear_one_interpolates_exactly() {
        List<CurvePoint> points = List.of(new CurvePoint(500_000, 250_000), new CurvePoint(1_000_000, 1_000_000),
                new CurvePoint(1_500_000, 2_000_000));
        // quarter TI 60,000.00; 75% attainment
        CompensationRun steps = runOne(plan(new PayoutCurve("bonus", Interpolation.STEPS, points, Limits.NONE)), cents("10000.00"),
                credits("rep-1", cents("7500.00")));
        assertThat(steps.componentMinor("rep-1", "bonus")).isEqualTo(cents("15000.00"));
        CompensationRun linear = runOne(plan(new PayoutCurve("bonus", Interpolation.LINEAR, points, Limits.NONE)), cents("10000.00"),
                credits("rep-1", cents("7500.00")));
        // 25% + (100% − 25%) × (75% − 50%) / 50% = 62.5% of 60,000
        assertThat(linear.componentMinor("rep-1", "bonus")).isEqualTo(cents("37500.00"));
        assertThat(linear.earnings("rep-1").components().get(0).dealAttributable()).isFalse();
        assertThat(linear.earnings("rep-1").dealPayouts()).isEmpty();
    }

    @Test
    void a_breakthrough_bonus_pays_fixed_or_a_share_of_target_incentive_only_at_its_threshold() {
        PlanVersion fixed = plan(new Breakthrough("breakthrough", 1_200_000, Optional.of(cents("5000.00")), Optional.empty(), Limits.NONE));
        assertThat(runOne(fixed, cents("10000.00"), credits("rep-1", cents("11999.99"))).componentMinor("rep-1", "breakthrough")).isZero();
        assertThat(runOne(fixed, cents("10000.00"), credits("rep-1", cents("12000.00"))).componentMinor("rep-1", "breakthrough"))
                .isEqualTo(cents("5000.00"));
        PlanVersion share = plan(new Breakthrough("breakthrough", 1_200_000, Optional.empty(), Optional.of(100_000L), Limits.NONE));
        assertThat(runOne(share, cents("10000.00"), credits("rep-1", cents("13000.00"))).componentMinor("rep-1", "breakthrough"))
                .isEqualTo(cents("6000.00"));
    }

    @Test
    void a_team_pool_on_revenue_above_target_is_shared_by_weight_to_the_cent() {
        // given a 10% pool on team revenue above 10,000.00, three members weighted 1:1:1
        PlanVersion plan = plan(new TeamPool("team-pool", 100_000, Limits.NONE));
        List<Participant> team = List.of(
                Participant.of("a", 0, 100).inTeam("east", 1), Participant.of("b", 0, 100).inTeam("east", 1),
                Participant.of("c", 0, 100).inTeam("east", 1));
        CreditBatch.Builder lines = CreditBatch.builder(3);
        lines.add("a", "d1", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, cents("6000.00"));
        lines.add("b", "d2", "p", JAN_15, CreditEvent.BOOKING, CreditKind.SPLIT, cents("5000.01"));
        lines.add("c", "d2", "p", JAN_15, CreditEvent.BOOKING, CreditKind.OVERLAY, cents("5000.00"));
        CompensationRun run = run(plan, team, List.of(new Team("east", cents("10000.00"))), lines.build().get());
        // then pool = (11,000.01 − 10,000.00) × 10% = 100.00 (overlay credit is not team revenue), shared 33.34/33.33/33.33
        assertThat(run.totalMinor()).isEqualTo(cents("100.00"));
        assertThat(run.componentMinor("a", "team-pool")).isEqualTo(3334);
        assertThat(run.componentMinor("b", "team-pool")).isEqualTo(3333);
        assertThat(run.earnings("a").components().get(0).explanation().formula())
                .isEqualTo("(team revenue 11,000.01 − team target 10,000.00) × 10% = pool 100.00; share by weight 1 of 3 = 33.34");
        assertThat(run.earnings("b").components().get(0).explanation().formula()).endsWith("share by weight 1 of 3 = 33.33");
        assertThat(run.earnings("b").components().get(0).explanation().inputs()).extracting(i -> i.name() + "=" + i.value())
                .containsExactly("plan=field-sales v1", "team=east", "team revenue=11,000.01", "team target=10,000.00", "rate=10%",
                        "weight=1/3");
        // and a participant in no team is told so, at zero
        CompensationRun withLoner = run(plan, List.of(team.get(0), team.get(1), Participant.of("d", 0, 100)),
                List.of(new Team("east", cents("10000.00"))), lines.build().get());
        assertThat(withLoner.earnings("d").components().get(0).explanation().formula()).isEqualTo("not in a team → 0.00");
        assertThat(withLoner.earnings("a").components().get(0).explanation().formula()).endsWith("share by weight 1 of 2 = 50.00");
    }

    @Test
    void a_spiff_pays_only_for_its_products_inside_its_dates() {
        Spiff spiff = new Spiff("launch", Set.of("new-x"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
                Optional.empty(), Optional.of(cents("200.00")), Limits.NONE);
        CreditBatch.Builder lines = CreditBatch.builder(4);
        lines.add("rep-1", "d1", "new-x", LocalDate.of(2026, 2, 3), CreditEvent.BOOKING, CreditKind.DIRECT, cents("100.00"));
        lines.add("rep-1", "d2", "new-x", LocalDate.of(2026, 2, 28), CreditEvent.BOOKING, CreditKind.DIRECT, cents("100.00"));
        lines.add("rep-1", "d3", "new-x", LocalDate.of(2026, 3, 1), CreditEvent.BOOKING, CreditKind.DIRECT, cents("100.00"));
        lines.add("rep-1", "d4", "old-y", LocalDate.of(2026, 2, 10), CreditEvent.BOOKING, CreditKind.DIRECT, cents("100.00"));
        CompensationRun run = runOne(plan(spiff), cents("1000.00"), lines.build().get());
        assertThat(run.componentMinor("rep-1", "launch")).isEqualTo(cents("400.00"));
        assertThat(run.earnings("rep-1").dealPayouts()).extracting(PeriodEarnings.DealPayout::dealId).containsExactly("d1", "d2");
    }

    @Test
    void base_salary_for_a_quarter_is_a_quarter_of_the_pay_mix_base() {
        PlanVersion plan = plan(new BaseSalary("base", Limits.NONE));
        CompensationRun run = runOne(plan, cents("10000.00"), credits("rep-1"));
        // OTE 400,000.00 × 40% base = 160,000.00 a year, 40,000.00 a quarter
        assertThat(run.componentMinor("rep-1", "base")).isEqualTo(cents("40000.00"));
    }

    @Test
    void deal_payouts_sum_exactly_to_the_component_with_their_effective_rate() {
        PlanVersion plan = plan(issueTiers(Mode.MARGINAL));
        CompensationRun run = runOne(plan, cents("10000.00"), credits("rep-1", cents("3333.33"), cents("3333.33"), cents("4333.34")));
        PeriodEarnings earnings = run.earnings("rep-1");
        assertThat(earnings.dealPayouts().stream().mapToLong(PeriodEarnings.DealPayout::amountMinor).sum())
                .isEqualTo(earnings.components().get(0).amountMinor()).isEqualTo(cents("900.00"));
        // 900.00 split 3,333.33 : 3,333.33 : 4,333.34 by largest remainder = 272.73 + 272.73 + 354.54
        assertThat(earnings.dealPayouts()).extracting(PeriodEarnings.DealPayout::amountMinor).containsExactly(27273L, 27273L, 35454L);
        assertThat(earnings.dealPayouts().get(0).rate()).contains(new BigDecimal("0.081819"));
        assertThat(earnings.dealPayouts().get(0).creditedOn()).isEqualTo(JAN_15);
    }

    @Test
    void only_the_plans_earning_event_and_reversals_inside_the_period_count() {
        CreditBatch.Builder lines = CreditBatch.builder(4);
        lines.add("rep-1", "d1", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, cents("1000.00"));
        lines.add("rep-1", "d1", "p", JAN_15, CreditEvent.INVOICE, CreditKind.DIRECT, cents("1000.00"));
        lines.add("rep-1", "d2", "p", LocalDate.of(2026, 4, 1), CreditEvent.BOOKING, CreditKind.DIRECT, cents("1000.00"));
        lines.add("rep-1", "d1", "p", LocalDate.of(2026, 2, 1), CreditEvent.RETURN, CreditKind.DIRECT, -cents("400.00"));
        CompensationRun run = runOne(plan(new FlatRate("commission", 100_000, Limits.NONE)), cents("1000.00"), lines.build().get());
        assertThat(run.creditedMinor("rep-1")).isEqualTo(cents("600.00"));
        assertThat(run.componentMinor("rep-1", "commission")).isEqualTo(cents("60.00"));
    }

    @Test
    void a_plan_with_many_problems_is_refused_with_every_one_and_its_path() {
        Tiered broken = new Tiered("commission", Basis.AMOUNT, List.of(
                new Tier(100, 5_000_00, 50_000, Mode.MARGINAL),
                new Tier(6_000_00, 10_000_00, 1_500_000, Mode.MARGINAL),
                new Tier(9_000_00, Long.MAX_VALUE, 150_000, Mode.MARGINAL)), cap(-1));
        PlanVersion plan = new PlanVersion("field-sales", 1, "x", YEAR_2026, CNY, CreditEvent.BOOKING, new PayMix(400_000, 500_000),
                List.of(broken), Optional.empty());
        List<Rejection> reasons = plan.validated().getLeft().reasons();
        assertThat(reasons).extracting(r -> r.code().code() + " " + r.field()).containsExactlyInAnyOrder(
                "compensation/PAY_MIX_NOT_100 payMix",
                "compensation/NEGATIVE_AMOUNT components[0].cap",
                "compensation/TIER_GAP components[0].tiers[0].from",
                "compensation/TIER_GAP components[0].tiers[1].from",
                "compensation/RATE_OUT_OF_RANGE components[0].tiers[1].rate",
                "compensation/TIER_OVERLAP components[0].tiers[2].from");
    }

    @Test
    void a_plan_not_in_force_for_the_whole_period_and_bad_participants_are_refused_not_computed() {
        PlanVersion plan = new PlanVersion("field-sales", 1, "x", DateRange.of(LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 1)),
                CNY, CreditEvent.BOOKING, MIX_40_60, List.of(issueTiers(Mode.MARGINAL)), Optional.empty());
        var refused = CommissionCalculator.run(plan, Q1, List.of(Participant.of("a", 1, 0), Participant.of("a", -1, 5)), List.of(),
                credits("a"));
        assertThat(refused.getLeft().reasons()).extracting(r -> r.code().code() + " " + r.field()).containsExactly(
                "compensation/PLAN_NOT_IN_FORCE effective",
                "compensation/PARTICIPANT_INVALID participants[0].quota",
                "compensation/PARTICIPANT_INVALID participants[1].id",
                "compensation/PARTICIPANT_INVALID participants[1].annualOte");
    }

    @Test
    void a_roster_refuses_every_bad_participant_with_its_field_and_a_run_over_it_still_checks_the_teams() {
        // given the participants the list overload refuses above, and one in a team no run lists
        var refused = Roster.of(List.of(Participant.of("a", 1, 0), Participant.of("a", -1, 5), new Participant("b", 1, 5,
                Optional.empty(), 0, java.util.Map.of())));
        assertThat(refused.getLeft().reasons()).extracting(r -> r.code().code() + " " + r.field()).containsExactly(
                "compensation/PARTICIPANT_INVALID participants[0].quota",
                "compensation/PARTICIPANT_INVALID participants[1].id",
                "compensation/PARTICIPANT_INVALID participants[1].annualOte",
                "compensation/PARTICIPANT_INVALID participants[2].poolWeight");
        Roster roster = Roster.of(List.of(Participant.of("a", 1, 5), Participant.of("b", 1, 5).inTeam("west", 1))).get();
        TeamPool pool = new TeamPool("team-pool", 100_000, Limits.NONE);
        var unlisted = CommissionCalculator.run(plan(pool), Q1, roster, List.of(new Team("east", 0)), credits("a", 100));
        assertThat(unlisted.getLeft().reasons()).extracting(r -> r.code().code() + " " + r.field())
                .containsExactly("compensation/PARTICIPANT_INVALID participants[1].teamId");
        // and a roster is reused as it is: the run reads its participants in its order
        CompensationRun run = CommissionCalculator.run(plan(issueTiers(Mode.MARGINAL)), Q1, roster, List.of(),
                credits("b", cents("11000.00"))).get();
        assertThat(run.participantIds()).containsExactly("a", "b");
        assertThat(run.componentMinor("b", "commission")).isEqualTo(cents("900.00"));
        assertThat(roster.size()).isEqualTo(2);
    }

    @Test
    void a_period_longer_than_a_run_can_hold_is_refused_with_its_length() {
        Period ages = Period.custom("ages", LocalDate.of(-6_000_000, 1, 1), LocalDate.of(2027, 1, 1));
        PlanVersion plan = new PlanVersion("field-sales", 1, "x", DateRange.of(LocalDate.of(-6_000_000, 1, 1), LocalDate.of(2027, 1, 1)),
                CNY, CreditEvent.BOOKING, MIX_40_60, List.of(issueTiers(Mode.MARGINAL)), Optional.empty());

        var refused = CommissionCalculator.run(plan, ages, List.of(Participant.of("a", 24_000_000, 10_000_000)), List.of(), credits("a"));

        assertThat(refused.getLeft().reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(CompensationRejection.PERIOD_TOO_LONG);
            assertThat(reason.field()).isEqualTo("period");
        });
    }

    @Test
    void amounts_too_large_to_compute_exactly_are_refused_instead_of_overflowing() {
        CreditBatch.Builder lines = CreditBatch.builder(10);
        for (int i = 0; i < 10; i++) {
            lines.add("rep-1", "d" + i, "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, CreditBatch.MAX_LINE_MINOR);
        }
        var refused = CommissionCalculator.run(plan(issueTiers(Mode.MARGINAL)), Q1,
                List.of(Participant.of("rep-1", 0, 1)), List.of(), lines.build().get());
        assertThat(refused.getLeft().reasons()).extracting(r -> r.code())
                .containsExactly(CompensationRejection.AMOUNT_TOO_LARGE);
    }

    @Test
    void credit_summing_beyond_a_long_is_refused_instead_of_wrapping_around() {
        // given 9,300 lines of 10^15 minor units for one rep: 9.3 × 10^18 is more than a long holds
        CreditBatch.Builder lines = CreditBatch.builder(9_300);
        for (int i = 0; i < 9_300; i++) {
            lines.add("rep-1", "d" + i, "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, CreditBatch.MAX_LINE_MINOR);
        }
        var refused = CommissionCalculator.run(plan(new FlatRate("commission", 0, Limits.NONE)), Q1,
                List.of(Participant.of("rep-1", 0, 1)), List.of(), lines.build().get());
        assertThat(refused.getLeft().reasons()).extracting(r -> r.code())
                .containsExactly(CompensationRejection.AMOUNT_TOO_LARGE);
    }

    @Test
    void a_reversal_with_a_positive_amount_is_refused_with_its_line() {
        var refused = CreditBatch.builder(1).add("rep-1", "d", "p", JAN_15, CreditEvent.RETURN, CreditKind.DIRECT, 5)
                .add("rep-1", "d", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, -5).build();
        assertThat(refused.getLeft().reasons()).extracting(Rejection::field)
                .containsExactly("lines[0].amount", "lines[1].amount");
    }

    @Test
    void a_batch_naming_more_participants_than_its_limit_is_refused_at_the_first_line_over_it() {
        // given a builder limited to two participants (the public one allows the most whose three credit groups' slots fit an int)
        var refused = CreditBatch.builder(4, 2)
                .add("rep-1", "d1", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, 5)
                .add("rep-2", "d2", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, 5)
                .add("rep-1", "d3", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, 5)
                .add("rep-3", "d4", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, 5)
                .build();
        assertThat(refused.getLeft().reasons()).extracting(r -> r.code().code() + " " + r.field())
                .containsExactly("compensation/CREDIT_INVALID lines[3].participantId");
        assertThat(CreditBatch.MAX_PARTICIPANTS).isEqualTo(Integer.MAX_VALUE / 3);
    }

    @Test
    void what_if_compares_two_plans_per_participant_without_storing_anything() {
        PlanVersion current = plan(issueTiers(Mode.MARGINAL));
        PlanVersion proposed = plan(issueTiers(Mode.RETROACTIVE));
        CreditBatch.Builder lines = CreditBatch.builder(2);
        lines.add("a", "d1", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, cents("11000.00"));
        lines.add("b", "d2", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, cents("4000.00"));
        var comparison = WhatIf.compare(current, proposed, Q1, List.of(Participant.of("a", 0, 1), Participant.of("b", 0, 1)),
                List.of(), lines.build().get()).get();
        assertThat(comparison.rows()).extracting(r -> r.participantId() + " " + r.currentMinor() + " " + r.proposedMinor())
                .containsExactly("a 90000 165000", "b 20000 20000");
        assertThat(comparison.differenceMinor()).isEqualTo(cents("750.00"));
        // and a bad participant is reported once, not once per plan
        var refused = WhatIf.compare(current, proposed, Q1, List.of(Participant.of("a", 0, 0)), List.of(), lines.build().get());
        assertThat(refused.getLeft().reasons()).extracting(r -> r.code().code() + " " + r.field())
                .containsExactly("compensation/PARTICIPANT_INVALID participants[0].quota");
    }
}
