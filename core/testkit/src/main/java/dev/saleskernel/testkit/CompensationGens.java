package dev.saleskernel.testkit;

import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.compensation.CreditBatch;
import dev.saleskernel.compensation.CreditEvent;
import dev.saleskernel.compensation.CreditKind;
import dev.saleskernel.compensation.Participant;
import dev.saleskernel.compensation.PayMix;
import dev.saleskernel.compensation.PlanComponent;
import dev.saleskernel.compensation.PlanComponent.Basis;
import dev.saleskernel.compensation.PlanComponent.Limit;
import dev.saleskernel.compensation.PlanComponent.Limits;
import dev.saleskernel.compensation.PlanComponent.Mode;
import dev.saleskernel.compensation.PlanComponent.Tier;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.compensation.Team;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators for compensation: money, participants, credit lines and random valid
 * plans. Composite values are built from one generated seed, so every example is reproducible
 * from the seed QuickTheories reports.
 *
 * <p>Amounts are minor units. Generated credits are dated inside the period given, earn on the
 * plan's event, and are one in ten a return (negative).
 */
public final class CompensationGens {
    private static final List<String> PRODUCTS = List.of("product-a", "product-b", "product-c");

    private CompensationGens() {
    }

    /** Amounts from 0 to {@code maxMinor} minor units, small values included. */
    public static Gen<Long> money(long maxMinor) {
        return longs().between(0, maxMinor).mix(longs().between(0, Math.min(maxMinor, 1_000)));
    }

    /** {@code count} participants {@code rep-0..}, quotas 1.00 to 100,000.00, in teams {@code team-0}/{@code team-1}. */
    public static Gen<List<Participant>> participants(int count) {
        return longs().all().map(seed -> participants(new Random(seed), count));
    }

    /** Up to {@code maxLines} credit lines for the participants, dated inside {@code period}, for {@code event}. */
    public static Gen<CreditBatch> credits(List<Participant> participants, Period period, CreditEvent event, int maxLines) {
        return longs().all().map(seed -> credits(new Random(seed), participants, period, event, maxLines));
    }

    /**
     * Random valid plan versions for CNY effective in 2026: a tiered component (by amount or
     * attainment, marginal or retroactive tiers), optionally a flat rate, a breakthrough bonus and
     * a team pool, each optionally with a gate, floor and caps. With {@code decelerators} false,
     * tier rates never fall.
     */
    public static Gen<PlanVersion> plans(boolean decelerators) {
        return longs().all().map(seed -> plan(new Random(seed), decelerators));
    }

    /** A plan's inputs for one period: participants, their teams and credits. */
    public record PlanInput(List<Participant> participants, List<Team> teams, CreditBatch credits) {
    }

    /** Inputs for running {@code plan} in {@code period}: up to 8 participants, up to {@code maxLines} lines. */
    public static Gen<PlanInput> inputs(PlanVersion plan, Period period, int maxLines) {
        return longs().all().map(seed -> {
            Random random = new Random(seed);
            List<Participant> participants = participants(random, 1 + random.nextInt(8));
            List<Team> teams = List.of(new Team("team-0", random.nextInt(10_000_000)), new Team("team-1", 0));
            return new PlanInput(participants, teams, credits(random, participants, period, plan.creditOn(), maxLines));
        });
    }

    static List<Participant> participants(Random random, int count) {
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            participants.add(new Participant("rep-" + i, random.nextInt(100_000_000), 100 + random.nextInt(10_000_000),
                    Optional.of("team-" + random.nextInt(2)), 1 + random.nextInt(4), Map.of()));
        }
        return participants;
    }

    static CreditBatch credits(Random random, List<Participant> participants, Period period, CreditEvent event, int maxLines) {
        CreditBatch.Builder lines = CreditBatch.builder(maxLines);
        int n = random.nextInt(maxLines + 1);
        for (int i = 0; i < n; i++) {
            boolean reversal = random.nextInt(10) == 0;
            long amount = random.nextInt(5_000_000);
            lines.add(participants.get(random.nextInt(participants.size())).id(), "deal-" + random.nextInt(i + 1),
                    PRODUCTS.get(random.nextInt(PRODUCTS.size())), period.start().plusDays(random.nextInt((int) period.days())),
                    reversal ? CreditEvent.RETURN : event, random.nextInt(3) == 0 ? CreditKind.SPLIT : CreditKind.DIRECT,
                    reversal ? -amount / 10 : amount);
        }
        return lines.build().get();
    }

    static PlanVersion plan(Random random, boolean decelerators) {
        List<PlanComponent> components = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        Basis basis = random.nextBoolean() ? Basis.AMOUNT : Basis.ATTAINMENT;
        List<Tier> tiers = new ArrayList<>();
        long from = 0;
        long rate = random.nextInt(100_000);
        for (int i = 0; i < count; i++) {
            long to = i == count - 1 ? Long.MAX_VALUE : from + 1 + random.nextInt(basis == Basis.AMOUNT ? 5_000_000 : 900_000);
            tiers.add(new Tier(from, to, rate, random.nextBoolean() ? Mode.MARGINAL : Mode.RETROACTIVE));
            from = to;
            rate = decelerators ? random.nextInt(300_000) : Math.min(1_000_000, rate + random.nextInt(100_000));
        }
        components.add(new PlanComponent.Tiered("commission", basis, tiers, limits(random)));
        if (random.nextBoolean()) {
            components.add(new PlanComponent.FlatRate("flat", random.nextInt(100_000), limits(random)));
        }
        if (random.nextBoolean()) {
            components.add(new PlanComponent.Breakthrough("breakthrough", 1_000_000 + random.nextInt(1_000_000),
                    Optional.empty(), Optional.of((long) random.nextInt(500_000)), limits(random)));
        }
        if (random.nextBoolean()) {
            components.add(new PlanComponent.TeamPool("team-pool", random.nextInt(50_000), Limits.NONE));
        }
        long base = random.nextInt(1_000_001);
        return new PlanVersion("generated", 1, "Generated plan", DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)),
                Currency.getInstance("CNY"), CreditEvent.BOOKING, new PayMix(base, 1_000_000 - base), components, Optional.empty());
    }

    private static Limits limits(Random random) {
        return new Limits(
                random.nextInt(4) == 0 ? Optional.of((long) random.nextInt(1_000_000)) : Optional.empty(),
                random.nextInt(5) == 0 ? Optional.of(new Limit(random.nextInt(10_000), false)) : Optional.empty(),
                random.nextInt(3) == 0 ? Optional.of(random.nextBoolean() ? new Limit(10_000 + random.nextInt(1_000_000), false)
                        : new Limit(random.nextInt(3_000_000), true)) : Optional.empty(),
                random.nextInt(4) == 0 ? Optional.of(new Limit(10_000 + random.nextInt(3_000_000), false)) : Optional.empty());
    }
}
