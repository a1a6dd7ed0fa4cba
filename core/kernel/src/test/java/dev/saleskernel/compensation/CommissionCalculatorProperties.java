package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.compensation.PlanComponent.*;
import dev.saleskernel.compensation.Transaction.Share;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CommissionCalculatorProperties {
    private static final int EXAMPLES = 1000;
    private static final Gen<Long> SEEDS = longs().all();

    @Test
    void payout_never_decreases_when_credit_grows_under_a_plan_without_decelerators() {
        qt().withExamples(EXAMPLES).forAll(SEEDS, longs().between(1, 5_000_000)).checkAssert((seed, extra) -> {
            RandomPlans given = RandomPlans.from(seed, false);
            CompensationRun before = given.run();
            for (Participant p : given.participants()) {
                CreditBatch.Builder more = CreditBatch.builder(given.credits().size() + 1);
                given.credits().lines().forEach(l -> more.add(l.participantId(), l.dealId(), l.productId(), l.date(), l.event(),
                        l.kind(), l.amountMinor()));
                more.add(p.id(), "new-deal", "p-9", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, extra);
                CompensationRun after = CommissionCalculator.run(given.plan(), Q1, given.participants(), given.teams(),
                        more.build().get()).get();
                for (PlanComponent c : given.plan().components()) {
                    assertThat(after.componentMinor(p.id(), c.id())).as(c.id())
                            .isGreaterThanOrEqualTo(before.componentMinor(p.id(), c.id()));
                }
            }
        });
    }

    @Test
    void caps_are_never_exceeded_per_period_or_per_plan_year() {
        qt().withExamples(EXAMPLES).forAll(SEEDS).checkAssert(seed -> {
            RandomPlans given = RandomPlans.from(seed, true);
            CompensationRun run = given.run();
            for (Participant p : given.participants()) {
                long ti = Rate.divideHalfEven(given.plan().payMix().targetIncentive(p.annualOteMinor()), 4);
                for (PlanComponent c : given.plan().components()) {
                    long amount = run.componentMinor(p.id(), c.id());
                    c.limits().periodCap().ifPresent(cap -> assertThat(amount).isLessThanOrEqualTo(cap.resolve(ti)));
                    c.limits().yearCap().ifPresent(cap -> assertThat(amount)
                            .isLessThanOrEqualTo(Math.max(0, cap.resolve(ti) - p.yearToDate(c.id()))));
                }
            }
        });
    }

    @Test
    void deal_payouts_and_team_pools_conserve_every_minor_unit() {
        qt().withExamples(EXAMPLES).forAll(SEEDS).checkAssert(seed -> {
            RandomPlans given = RandomPlans.from(seed, true);
            PlanVersion withPool = plan(concat(given.plan().components(), new TeamPool("pool", 20_000, Limits.NONE)));
            CompensationRun run = CommissionCalculator.run(withPool, Q1, given.participants(), given.teams(), given.credits()).get();
            for (PeriodEarnings earnings : run.earnings()) {
                for (PeriodEarnings.ComponentEarning component : earnings.components()) {
                    long paid = earnings.dealPayouts().stream().filter(d -> d.componentId().equals(component.componentId()))
                            .mapToLong(PeriodEarnings.DealPayout::amountMinor).sum();
                    if (component.dealAttributable()) {
                        assertThat(paid).as(component.componentId()).isEqualTo(component.amountMinor());
                    } else {
                        assertThat(paid).isZero();
                    }
                }
            }
            for (Team team : given.teams()) {
                long revenue = 0;
                long shared = 0;
                for (Participant p : given.participants()) {
                    if (p.teamId().orElseThrow().equals(team.id())) {
                        shared += run.componentMinor(p.id(), "pool");
                        revenue += given.credits().lines().stream().filter(l -> l.participantId().equals(p.id())
                                && l.kind().teamRevenue()).mapToLong(CreditBatch.CreditLine::amountMinor).sum();
                    }
                }
                assertThat(shared).isEqualTo(Rate.apply(Math.max(0, revenue - team.targetMinor()), 20_000));
            }
        });
    }

    @Test
    void revenue_splits_conserve_the_transaction_amount_to_the_minor_unit() {
        qt().withExamples(EXAMPLES).forAll(SEEDS).checkAssert(seed -> {
            Random r = new Random(seed);
            int reps = 1 + r.nextInt(7);
            long amount = r.nextInt(Integer.MAX_VALUE);
            long[] units = new long[reps];
            long left = 1_000_000;
            for (int i = 0; i < reps - 1; i++) {
                units[i] = 1 + r.nextInt((int) Math.max(1, left - (reps - i)));
                left -= units[i];
            }
            units[reps - 1] = left;
            List<Share> shares = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                shares.add(new Share("rep-" + i, BigDecimal.valueOf(units[i], 4)));
            }
            Transaction t = new Transaction("s", "d", "p", CreditEvent.BOOKING, JAN_15, amount, shares, List.of(), Optional.empty());
            CreditBatch batch = Crediting.credit(List.of(t)).get();
            assertThat(batch.lines().stream().mapToLong(CreditBatch.CreditLine::amountMinor).sum()).isEqualTo(amount);
        });
    }

    @Test
    void the_result_does_not_depend_on_the_order_credits_arrive_in_and_recomputing_changes_nothing() {
        qt().withExamples(EXAMPLES).forAll(SEEDS).checkAssert(seed -> {
            RandomPlans given = RandomPlans.from(seed, true);
            List<Integer> order = new ArrayList<>(IntStream.range(0, given.credits().size()).boxed().toList());
            Collections.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
            CreditBatch shuffled = given.credits().permuted(order.stream().mapToInt(Integer::intValue).toArray());
            List<PeriodEarnings> first = given.run().earnings();
            assertThat(CommissionCalculator.run(given.plan(), Q1, given.participants(), given.teams(), shuffled).get().earnings())
                    .isEqualTo(first);
            assertThat(given.run().earnings()).isEqualTo(first);
            // and a run over the participants' roster, built once and used twice, is the run over their list
            Roster roster = Roster.of(given.participants()).get();
            for (int twice = 0; twice < 2; twice++) {
                assertThat(CommissionCalculator.run(given.plan(), Q1, roster, given.teams(), shuffled).get().earnings())
                        .isEqualTo(first);
            }
        });
    }

    @Test
    void lines_outside_the_period_of_other_events_or_of_unlisted_participants_change_nothing_but_the_unplanned_count() {
        qt().withExamples(EXAMPLES).forAll(SEEDS).checkAssert(seed -> {
            RandomPlans given = RandomPlans.from(seed, true);
            Random r = new Random(~seed);
            List<CreditBatch.CreditLine> lines = new ArrayList<>(given.credits().lines());
            // counting lines of people not in the plan: still every line in the period and counting
            int unlisted = r.nextInt(4);
            for (int i = 0; i < unlisted; i++) {
                lines.add(new CreditBatch.CreditLine("ghost-" + r.nextInt(2), "deal-g" + i, "p-0", JAN_15.plusDays(r.nextInt(60)),
                        CreditEvent.BOOKING, CreditKind.DIRECT, r.nextInt(2_000_000)));
            }
            CreditBatch planned = batchOf(lines, r);
            // lines that never count: before or after the quarter, or an event the plan does not earn on
            int noise = r.nextInt(4);
            for (int i = 0; i < noise; i++) {
                boolean outside = r.nextBoolean();
                LocalDate day = !outside ? JAN_15 : r.nextBoolean() ? LocalDate.of(2025, 12, 31) : LocalDate.of(2026, 4, 1);
                lines.add(new CreditBatch.CreditLine("rep-" + r.nextInt(given.participants().size()), "deal-n" + i, "p-0", day,
                        outside ? CreditEvent.BOOKING : CreditEvent.INVOICE, CreditKind.values()[r.nextInt(5)], r.nextInt(2_000_000)));
            }
            CreditBatch noisy = batchOf(lines, r);
            List<PeriodEarnings> expected = given.run().earnings();
            for (CreditBatch batch : List.of(planned, noisy)) {
                CompensationRun run = CommissionCalculator.run(given.plan(), Q1, given.participants(), given.teams(), batch).get();
                assertThat(run.earnings()).isEqualTo(expected);
                assertThat(run.unplannedLines()).isEqualTo(unlisted);
            }
        });
    }

    private static CreditBatch batchOf(List<CreditBatch.CreditLine> lines, Random r) {
        List<CreditBatch.CreditLine> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, r);
        CreditBatch.Builder b = CreditBatch.builder(shuffled.size());
        for (CreditBatch.CreditLine l : shuffled) {
            b.add(l.participantId(), l.dealId(), l.productId(), l.date(), l.event(), l.kind(), l.amountMinor());
        }
        return b.build().get();
    }

    @Test
    void marginal_tiers_are_continuous_at_tier_edges() {
        qt().withExamples(EXAMPLES).forAll(SEEDS).checkAssert(seed -> {
            Random r = new Random(seed);
            int count = 2 + r.nextInt(4);
            List<Tier> tiers = new ArrayList<>();
            long from = 0;
            for (int i = 0; i < count; i++) {
                long to = i == count - 1 ? Long.MAX_VALUE : from + 1 + r.nextInt(2_000_000);
                tiers.add(new Tier(from, to, r.nextInt(1_000_001), Mode.MARGINAL));
                from = to;
            }
            PlanVersion plan = plan(new Tiered("commission", Basis.AMOUNT, tiers, Limits.NONE));
            long exactBelow = 0;
            for (int i = 0; i < count - 1; i++) {
                Tier tier = tiers.get(i);
                exactBelow += (tier.to() - tier.from()) * tier.ratePpm();
                long edge = tier.to();
                long atEdge = runOne(plan, 100, credits("rep-1", edge)).componentMinor("rep-1", "commission");
                long justBelow = runOne(plan, 100, credits("rep-1", edge - 1)).componentMinor("rep-1", "commission");
                // the upper tier starts exactly where the lower tier's formula ends: no jump
                assertThat(atEdge).isEqualTo(Rate.divideHalfEven(exactBelow, Rate.ONE));
                assertThat(atEdge - justBelow).isBetween(0L, 2L);
            }
        });
    }

    @Test
    void a_tiered_formula_is_every_term_written_out_as_amount_times_rate_then_the_amount_and_the_inputs_are_their_own_texts() {
        qt().withExamples(EXAMPLES).forAll(SEEDS).checkAssert(seed -> {
            // given random contiguous tiers, by amount or by attainment, each marginal or retroactive, maybe capped
            Random r = new Random(seed);
            Basis basis = r.nextBoolean() ? Basis.AMOUNT : Basis.ATTAINMENT;
            int count = 1 + r.nextInt(4);
            List<Tier> tiers = new ArrayList<>();
            long from = 0;
            for (int i = 0; i < count; i++) {
                long to = i == count - 1 ? Long.MAX_VALUE : from + 1 + r.nextInt(basis == Basis.AMOUNT ? 2_000_000 : 800_000);
                tiers.add(new Tier(from, to, r.nextInt(300_001), r.nextBoolean() ? Mode.MARGINAL : Mode.RETROACTIVE));
                from = to;
            }
            Limits limits = r.nextBoolean() ? Limits.NONE : cap(r.nextInt(100_000));
            PlanVersion plan = plan(new Tiered("commission", basis, tiers, limits));
            long quota = 1 + r.nextInt(5_000_000);
            // when a rep is credited anything from a net negative to beyond the last bound
            CreditBatch.Builder lines = CreditBatch.builder(2);
            lines.add("rep-1", "d1", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, r.nextInt(8_000_000));
            if (r.nextInt(4) == 0) {
                lines.add("rep-1", "d2", "p", JAN_15, CreditEvent.RETURN, CreditKind.DIRECT, -r.nextInt(8_000_000));
            }
            // beside a rep with another quota and credit, whose statement is read first
            long otherQuota = quota + 1 + r.nextInt(1_000);
            lines.add("rep-0", "d3", "p", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, r.nextInt(8_000_000));
            CompensationRun run = run(plan, List.of(Participant.of("rep-0", 0, otherQuota), Participant.of("rep-1", 0, quota)),
                    List.of(), lines.build().get());
            assertThat(run.earnings().get(0).components().get(0).explanation().inputs()).extracting(i -> i.name() + "=" + i.value())
                    .contains("quota=" + Rate.amount(otherQuota, 2), "credited=" + Rate.amount(run.creditedMinor("rep-0"), 2));
            long credited = run.creditedMinor("rep-1");
            long x = Math.max(0, credited);
            // then the formula is the retroactive part and each marginal slice above it, written out term by term
            long[] lower = new long[count];
            long[] upper = new long[count];
            int reached = 0;
            int retro = -1;
            for (int i = 0; i < count; i++) {
                Tier tier = tiers.get(i);
                lower[i] = basis == Basis.AMOUNT ? tier.from() : Rate.apply(quota, tier.from());
                upper[i] = tier.openEnded() ? Long.MAX_VALUE : basis == Basis.AMOUNT ? tier.to() : Rate.apply(quota, tier.to());
                if (x >= lower[i]) {
                    reached = i;
                }
            }
            for (int i = 0; i <= reached; i++) {
                if (tiers.get(i).mode() == Mode.RETROACTIVE) {
                    retro = i;
                }
            }
            List<String> terms = new ArrayList<>();
            long exact = 0;
            if (retro >= 0) {
                long whole = Math.min(x, upper[retro]);
                exact += whole * tiers.get(retro).ratePpm();
                terms.add(Rate.amount(whole, 2) + " × " + Rate.percent(tiers.get(retro).ratePpm()));
            }
            for (int i = retro + 1; i <= reached; i++) {
                long slice = Math.min(x, upper[i]) - lower[i];
                exact += slice * tiers.get(i).ratePpm();
                terms.add(Rate.amount(slice, 2) + " × " + Rate.percent(tiers.get(i).ratePpm()));
            }
            long raw = Rate.divideHalfEven(exact, Rate.ONE);
            long paid = run.componentMinor("rep-1", "commission");
            Explanation explanation = run.earnings().get(1).components().get(0).explanation();
            assertThat(explanation.formula()).isEqualTo(String.join(" + ", terms) + " = " + Rate.amount(raw, 2)
                    + (raw == paid ? "" : " → " + Rate.amount(paid, 2) + " after limits"));
            // and the inputs, in order: the credit, quota and attainment inputs are their own figures, not the measure's or
            // another rep's, and the tier's inputs those of the tier reached
            String range = "[" + Rate.amount(lower[reached], 2) + ", " + (upper[reached] == Long.MAX_VALUE ? "∞" : Rate.amount(upper[reached], 2)) + ")";
            assertThat(explanation.inputs()).extracting(i -> i.name() + "=" + i.value()).containsExactly(
                    "plan=" + plan.planId() + " v" + plan.version(), "credited=" + Rate.amount(credited, 2), "of which split credit=0.00",
                    "quota=" + Rate.amount(quota, 2), "attainment=" + Rate.attainment(credited, quota),
                    "tier=" + (reached + 1) + " of " + count, "tier range=" + range, "rate=" + Rate.percent(tiers.get(reached).ratePpm()));
            // and they are a list like any other: equal to a copy, with its hash code, and read-only
            List<Explanation.Input> copy = List.copyOf(explanation.inputs());
            assertThat(explanation.inputs()).isEqualTo(copy).hasSameHashCodeAs(copy);
            assertThatThrownBy(() -> explanation.inputs().set(0, copy.get(1))).isInstanceOf(UnsupportedOperationException.class);
        });
    }

    private static PlanComponent[] concat(List<PlanComponent> components, PlanComponent more) {
        List<PlanComponent> all = new ArrayList<>(components);
        all.add(more);
        return all.toArray(PlanComponent[]::new);
    }
}
