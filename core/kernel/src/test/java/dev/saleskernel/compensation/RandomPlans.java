package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.PlanFixtures.*;

import dev.saleskernel.compensation.PlanComponent.*;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Random valid plans, participants and credits from a seed (QuickTheories draws the seed). */
record RandomPlans(PlanVersion plan, List<Participant> participants, List<Team> teams, CreditBatch credits, Random random) {

    static RandomPlans from(long seed, boolean withDecelerators) {
        Random r = new Random(seed);
        List<PlanComponent> components = new ArrayList<>();
        components.add(tiered(r, withDecelerators));
        if (r.nextBoolean()) {
            components.add(new FlatRate("flat", r.nextInt(200_001), limits(r)));
        }
        if (r.nextBoolean()) {
            components.add(new Breakthrough("breakthrough", 1_000_000 + r.nextInt(1_000_000),
                    Optional.of((long) r.nextInt(1_000_000)), Optional.empty(), limits(r)));
        }
        if (r.nextBoolean()) {
            components.add(new PayoutCurve("curve", r.nextBoolean() ? Interpolation.LINEAR : Interpolation.STEPS, List.of(
                    new CurvePoint(500_000, 100_000), new CurvePoint(1_000_000, 1_000_000),
                    new CurvePoint(1_500_000, 1_000_000 + r.nextInt(2_000_000))), limits(r)));
        }
        if (r.nextBoolean()) {
            components.add(new Spiff("spiff", Set.of("p-0"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
                    Optional.of((long) r.nextInt(100_000)), Optional.empty(), limits(r)));
        }
        PlanVersion plan = PlanFixtures.plan(components.toArray(PlanComponent[]::new));
        int people = 1 + r.nextInt(6);
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Participant p = new Participant("rep-" + i, r.nextInt(50_000_000), 1 + r.nextInt(5_000_000),
                    Optional.of(r.nextBoolean() ? "east" : "west"), 1 + r.nextInt(5), java.util.Map.of());
            participants.add(r.nextBoolean() ? p.withYearToDate("commission", r.nextInt(200_000)) : p);
        }
        CreditBatch.Builder lines = CreditBatch.builder(64);
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            addLine(r, lines, people, i);
        }
        return new RandomPlans(plan, participants, List.of(new Team("east", r.nextInt(3_000_000)), new Team("west", 0)),
                lines.build().get(), r);
    }

    static void addLine(Random r, CreditBatch.Builder lines, int people, int i) {
        boolean reversal = r.nextInt(10) == 0;
        lines.add("rep-" + r.nextInt(people), "deal-" + r.nextInt(Math.max(1, i + 1)), "p-" + r.nextInt(3),
                LocalDate.of(2026, 1 + r.nextInt(3), 1 + r.nextInt(28)), reversal ? CreditEvent.RETURN : CreditEvent.BOOKING,
                CreditKind.values()[r.nextInt(CreditKind.values().length)],
                reversal ? -r.nextInt(100_000) : r.nextInt(2_000_000));
    }

    private static Tiered tiered(Random r, boolean withDecelerators) {
        int count = 1 + r.nextInt(4);
        Basis basis = r.nextBoolean() ? Basis.AMOUNT : Basis.ATTAINMENT;
        List<Tier> tiers = new ArrayList<>();
        long from = 0;
        long rate = r.nextInt(100_000);
        for (int i = 0; i < count; i++) {
            long to = i == count - 1 ? Long.MAX_VALUE : from + 1 + r.nextInt(basis == Basis.AMOUNT ? 3_000_000 : 800_000);
            tiers.add(new Tier(from, to, rate, r.nextBoolean() ? Mode.MARGINAL : Mode.RETROACTIVE));
            from = to;
            rate = withDecelerators ? r.nextInt(300_000) : Math.min(Rate.ONE, rate + r.nextInt(100_000));
        }
        return new Tiered("commission", basis, tiers, limits(r));
    }

    private static Limits limits(Random r) {
        return new Limits(
                r.nextInt(4) == 0 ? Optional.of((long) r.nextInt(1_000_000)) : Optional.empty(),
                r.nextInt(5) == 0 ? Optional.of(new Limit(r.nextInt(1000), false)) : Optional.empty(),
                r.nextInt(3) == 0 ? Optional.of(r.nextBoolean() ? new Limit(1000 + r.nextInt(500_000), false)
                        : new Limit(r.nextInt(3_000_000), true)) : Optional.empty(),
                r.nextInt(4) == 0 ? Optional.of(new Limit(1000 + r.nextInt(1_000_000), false)) : Optional.empty());
    }

    CompensationRun run() {
        return CommissionCalculator.run(plan, Q1, participants, teams, credits).get();
    }
}
