package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.CompensationRejection.*;

import dev.saleskernel.compensation.PlanComponent.*;
import dev.saleskernel.money.Allocation;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes what every participant of a plan version earned in a period from a {@link CreditBatch},
 * as a {@link CompensationRun} that yields one {@link PeriodEarnings} per participant with an
 * {@link Explanation} for each component. Stores nothing; pure.
 *
 * <p>Which lines count: dated inside the period, for a listed participant, of the plan's earning
 * event ({@link PlanVersion#creditOn()}) or a reversal. The credited measure {@code X} is the
 * participant's cumulative (period-to-date) sum of those lines; attainment is {@code X ÷ quota}.
 * Payouts are computed on {@code max(X, 0)} (a net negative period pays nothing; recovering what
 * was paid is settlement's clawback).
 *
 * <p>Rounding: each component rounds once, HALF_EVEN to the minor unit, after its exact formula
 * (see {@link PlanComponent}); limits then apply in the order gate, floor, period cap, year cap.
 * Period target incentive {@code TI = round(annual TI × share of year)} and base salary likewise,
 * where the share is 1, 1/2, 1/4 or 1/12 for a year, half, quarter or month, and days/365 for a
 * custom period. Deal-attributable components are split over the participant's deals in
 * proportion to each deal's positive net credit by the largest-remainder method
 * ({@link Allocation#allocate(long, long[])}), deals ordered by id, so deal payouts sum exactly to
 * the component and do not depend on line order.
 *
 * <p>Speed: one counting sort of the lines by participant (each line's amount and day copied to
 * its participant's segment), then per participant a primitive sort by deal rank; amounts are
 * {@code long} minor units with overflow checked (an overflow is refused as {@link CompensationRejection#AMOUNT_TOO_LARGE}); explanations are built per
 * participant and component, never per line, and only when a statement is asked for (the run keeps
 * the numbers; team pools, computed per team, keep their text); {@link PeriodEarnings} records are materialised on
 * request.
 */
public final class CommissionCalculator {
    private CommissionCalculator() {
    }

    /**
     * Runs the plan over the credits.
     *
     * @return the run, or every reason it cannot be computed (plan invalid or not in force for the
     *         whole period, participants or teams invalid, amounts too large)
     */
    public static Either<Rejected, CompensationRun> run(PlanVersion plan, Period period, List<Participant> participants,
                                                        List<Team> teams, CreditBatch credits) {
        Either<Rejected, PlanVersion> valid = plan.validated();
        if (valid.isLeft()) {
            return Either.left(valid.getLeft());
        }
        Checks checks = Checks.start()
                .require(plan.effective().contains(period.range()), () -> Rejection.of(PLAN_NOT_IN_FORCE, plan.subject(),
                        "effective", "the plan version is not in force for the whole period")
                        .withEvidence("effective", plan.effective()).withEvidence("period", period.label()));
        boolean pooled = plan.components().stream().anyMatch(c -> c instanceof TeamPool);
        Map<String, Team> teamsById = new HashMap<>();
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            int at = i;
            checks = checks.require(teamsById.putIfAbsent(team.id(), team) == null && team.targetMinor() >= 0, () ->
                    Rejection.of(PARTICIPANT_INVALID, "compensation-run", "teams[" + at + "]",
                            "a team is listed once with a target of zero or more"));
        }
        Map<String, Integer> position = new HashMap<>(participants.size() * 2);
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            boolean listedOnce = position.putIfAbsent(p.id(), i) == null;
            if (listedOnce && p.quotaMinor() > 0 && p.annualOteMinor() >= 0 && p.poolWeight() > 0
                    && (!pooled || p.teamId().isEmpty() || teamsById.containsKey(p.teamId().get()))) {
                continue; // valid: no reasons to build
            }
            String at = "participants[" + i + "]";
            checks = checks.require(listedOnce, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run", at + ".id",
                            "a participant is listed once").withEvidence("id", p.id()))
                    .require(p.quotaMinor() > 0, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run", at + ".quota",
                            "a quota is positive"))
                    .require(p.annualOteMinor() >= 0, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run",
                            at + ".annualOte", "on-target earnings are never negative"))
                    .require(p.poolWeight() > 0, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run",
                            at + ".poolWeight", "a pool weight is positive"))
                    .require(!pooled || p.teamId().isEmpty() || teamsById.containsKey(p.teamId().get()), () -> Rejection.of(
                            PARTICIPANT_INVALID, "compensation-run", at + ".teamId", "the team is not listed")
                            .withEvidence("team", p.teamId().orElse("")));
        }
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        try {
            return Either.right(new Computation(plan, period, participants, position, teamsById, credits).run());
        } catch (ArithmeticException overflow) {
            return Either.left(Rejected.of(io.vavr.collection.List.of(Rejection.of(AMOUNT_TOO_LARGE, plan.subject(), "",
                    "the amounts are too large to compute exactly in minor units"))));
        }
    }

    /**
     * A participant's target incentive for a period: {@code round(annual OTE × incentive share ×
     * share of year)}, HALF_EVEN, the annual figure rounded first (see the class comment for the
     * shares). Caps and floors given as multiples of target incentive resolve against it.
     */
    public static long periodTargetIncentive(PlanVersion plan, long annualOteMinor, Period period) {
        long[] share = shareOfYear(period);
        return Rate.divideHalfEven(Math.multiplyExact(plan.payMix().targetIncentive(annualOteMinor), share[0]), share[1]);
    }

    /** The period's share of a year as {numerator, denominator}. */
    static long[] shareOfYear(Period period) {
        PeriodKind kind = period.kind();
        return kind == PeriodKind.CUSTOM ? new long[]{period.days(), 365} : new long[]{kind.months(), 12};
    }

    private static final class Computation implements CompensationRun.Explainer {
        private final PlanVersion plan;
        private final Period period;
        private final List<Participant> participants;
        private final Map<String, Team> teams;
        private final CreditBatch b;
        private final int fd;
        private long[] credited;
        private long[] splitCredited;
        private long[] base;
        private long[] targetIncentive;
        private long[][] weightsOf;
        private int[] dealStart;
        private long[] amounts;
        private final DealSpread spreader = new DealSpread();
        private final Map<String, Integer> position;
        private final String planLabel;
        private int[] planIndex;
        private final Explanation.Input planInput;
        /** Each tiered component's fixed figures and texts by component index, built once per run (read-only afterwards). */
        private final TierTexts[] tierTexts;

        Computation(PlanVersion plan, Period period, List<Participant> participants, Map<String, Integer> position,
                    Map<String, Team> teams, CreditBatch b) {
            this.plan = plan;
            this.period = period;
            this.participants = participants;
            this.position = position;
            this.planLabel = plan.planId() + " v" + plan.version();
            this.teams = teams;
            this.b = b;
            this.fd = plan.fractionDigits();
            this.planInput = input("plan", planLabel);
            List<PlanComponent> components = plan.components();
            this.tierTexts = new TierTexts[components.size()];
            for (int ci = 0; ci < tierTexts.length; ci++) {
                if (components.get(ci) instanceof Tiered tiered) {
                    tierTexts[ci] = new TierTexts(tiered, fd);
                }
            }
        }

        /**
         * A tiered component's figures that do not depend on the participant: rates, the last
         * retroactive tier at or below each tier, the rule name, the tier and rate inputs, and for
         * tiers by amount their bounds and range inputs (by attainment they depend on the quota).
         */
        private static final class TierTexts {
            final int n;
            final long[] ratePpm;
            final String[] rate;
            final int[] retroAtOrBelow;
            final String rule;
            final Explanation.Input[] tierInput;
            final Explanation.Input[] rateInput;
            final long[] from;
            final long[] to;
            final Explanation.Input[] rangeInput;

            TierTexts(Tiered tiered, int fd) {
                List<Tier> tiers = tiered.tiers();
                n = tiers.size();
                ratePpm = new long[n];
                rate = new String[n];
                retroAtOrBelow = new int[n];
                tierInput = new Explanation.Input[n];
                rateInput = new Explanation.Input[n];
                boolean allMarginal = true;
                boolean allRetro = true;
                int retro = -1;
                for (int i = 0; i < n; i++) {
                    Tier tier = tiers.get(i);
                    ratePpm[i] = tier.ratePpm();
                    rate[i] = Rate.percent(tier.ratePpm());
                    if (tier.mode() == Mode.RETROACTIVE) {
                        retro = i;
                    }
                    retroAtOrBelow[i] = retro;
                    allMarginal &= tier.mode() == Mode.MARGINAL;
                    allRetro &= tier.mode() == Mode.RETROACTIVE;
                    tierInput[i] = input("tier", (i + 1) + " of " + n);
                    rateInput[i] = input("rate", rate[i]);
                }
                rule = "tiered/" + (allMarginal ? "marginal" : allRetro ? "retroactive" : "hybrid");
                if (tiered.basis() == Basis.AMOUNT) {
                    from = new long[n];
                    to = new long[n];
                    rangeInput = new Explanation.Input[n];
                    for (int i = 0; i < n; i++) {
                        Tier t = tiers.get(i);
                        from[i] = t.from();
                        to[i] = t.openEnded() ? Long.MAX_VALUE : t.to();
                        rangeInput[i] = range(from[i], to[i], fd);
                    }
                } else {
                    from = null;
                    to = null;
                    rangeInput = null;
                }
            }

            static Explanation.Input range(long from, long to, int fd) {
                return input("tier range", "[" + Rate.amount(from, fd) + ", " + (to == Long.MAX_VALUE ? "∞" : Rate.amount(to, fd)) + ")");
            }
        }

        CompensationRun run() {
            int p = participants.size();
            planIndex = new int[b.participantIds.length];
            for (int i = 0; i < planIndex.length; i++) {
                planIndex[i] = position.getOrDefault(b.participantIds[i], -1);
            }
            long start = period.start().toEpochDay();
            long end = period.endExclusive().toEpochDay();
            boolean[] counting = countingEvents();
            int[] counts = new int[p + 1];
            int unplanned = 0;
            for (int i = 0; i < b.size; i++) {
                int who = planIndex[b.participant[i]];
                long day = b.epochDay[i];
                if (day >= start && day < end && counting[b.event[i]]) {
                    if (who < 0) {
                        unplanned++;
                    } else {
                        counts[who + 1]++;
                    }
                }
            }
            int[] offsets = counts;
            for (int i = 0; i < p; i++) {
                offsets[i + 1] += offsets[i];
            }
            int counted = offsets[p];
            // one pass in line order: each counted line's amount and day copied to its slot in its
            // participant's segment (so the per-deal pass below reads them locally), the sort key
            // (deal rank, slot) beside them, and the participant's credited, team and split sums
            long[] keys = new long[counted];
            long[] slotAmount = new long[counted];
            long[] slotDay = new long[counted];
            int[] cursor = Arrays.copyOf(offsets, p);
            credited = new long[p];
            long[] teamCredited = new long[p];
            splitCredited = new long[p];
            for (int i = 0; i < b.size; i++) {
                int who = planIndex[b.participant[i]];
                long day = b.epochDay[i];
                if (who >= 0 && day >= start && day < end && counting[b.event[i]]) {
                    int slot = cursor[who]++;
                    long amount = b.amount[i];
                    keys[slot] = ((long) b.deal[i] << 32) | slot;
                    slotAmount[slot] = amount;
                    slotDay[slot] = day;
                    credited[who] = Math.addExact(credited[who], amount);
                    byte kind = b.kind[i];
                    if (kind == CreditKind.DIRECT.ordinal() || kind == CreditKind.SPLIT.ordinal()) {
                        teamCredited[who] = Math.addExact(teamCredited[who], amount);
                    }
                    if (kind == CreditKind.SPLIT.ordinal()) {
                        splitCredited[who] = Math.addExact(splitCredited[who], amount);
                    }
                }
            }
            dealStart = new int[p + 1];
            int[] dealOf = new int[counted];
            long[] dealNet = new long[counted];
            long[] dealFirstDay = new long[counted];
            int deals = 0;
            for (int who = 0; who < p; who++) {
                int from = offsets[who];
                int to = offsets[who + 1];
                // within a deal, slots are in line order, as the lines came
                Arrays.sort(keys, from, to);
                long lastRank = -1;
                dealStart[who] = deals;
                for (int k = from; k < to; k++) {
                    int slot = (int) keys[k];
                    long rank = keys[k] >>> 32;
                    long amount = slotAmount[slot];
                    long day = slotDay[slot];
                    if (rank != lastRank) {
                        dealOf[deals] = (int) rank;
                        dealNet[deals] = amount;
                        dealFirstDay[deals] = day;
                        deals++;
                        lastRank = rank;
                    } else {
                        dealNet[deals - 1] = Math.addExact(dealNet[deals - 1], amount);
                        dealFirstDay[deals - 1] = Math.min(dealFirstDay[deals - 1], day);
                    }
                }
            }
            dealStart[p] = deals;
            long[] shareOfYear = shareOfYear(period);
            targetIncentive = new long[p];
            base = new long[p];
            for (int who = 0; who < p; who++) {
                long annual = participants.get(who).annualOteMinor();
                targetIncentive[who] = prorate(plan.payMix().targetIncentive(annual), shareOfYear);
                base[who] = prorate(plan.payMix().base(annual), shareOfYear);
            }
            List<PlanComponent> components = plan.components();
            int c = components.size();
            amounts = new long[p * c];
            weightsOf = new long[c][];
            boolean[] attributed = new boolean[p * c];
            Explanation[] explanations = new Explanation[p * c];
            long[][] dealPayouts = new long[c][];
            long[][] dealBases = new long[c][];
            for (int ci = 0; ci < c; ci++) {
                PlanComponent component = components.get(ci);
                if (component instanceof TeamPool pool) {
                    teamPool(pool, ci, c, credited, teamCredited, targetIncentive, amounts, explanations);
                    continue;
                }
                long[] weights = dealNet;
                if (component instanceof Spiff spiff) {
                    weights = spiffQualifying(spiff, dealStart, dealOf, p, deals);
                }
                weightsOf[ci] = weights;
                if (component.dealAttributable()) {
                    dealPayouts[ci] = new long[deals];
                    dealBases[ci] = weights;
                }
                for (int who = 0; who < p; who++) {
                    Participant participant = participants.get(who);
                    Outcome outcome = compute(component, participant, credited[who], splitCredited[who], base[who],
                            targetIncentive[who], weights, dealStart[who], dealStart[who + 1], false);
                    long amount = limit(component, participant, credited[who], targetIncentive[who], outcome);
                    amounts[who * c + ci] = amount;
                    boolean spread = component.dealAttributable()
                            && spread(amount, weights, dealStart[who], dealStart[who + 1], dealPayouts[ci]);
                    attributed[who * c + ci] = spread || (component.dealAttributable() && amount == 0);
                }
            }
            return new CompensationRun(plan, period, participants, position, credited, amounts, attributed, explanations, this,
                    dealStart, dealOf, dealNet, dealFirstDay, dealPayouts, dealBases, b, unplanned);
        }

        @Override
        public Explanation explain(int who, int ci) {
            Participant participant = participants.get(who);
            Outcome outcome = compute(plan.components().get(ci), participant, credited[who], splitCredited[who], base[who],
                    targetIncentive[who], weightsOf[ci], dealStart[who], dealStart[who + 1], true);
            return outcome.explanation(this, participant, credited[who], splitCredited[who], amounts[who * plan.components().size() + ci]);
        }

        private static long prorate(long annual, long[] share) {
            return Rate.divideHalfEven(Math.multiplyExact(annual, share[0]), share[1]);
        }

        private long[] spiffQualifying(Spiff spiff, int[] dealStart, int[] dealOf, int p, int deals) {
            long[] qualifying = new long[deals];
            long from = spiff.from().toEpochDay();
            long until = spiff.until().toEpochDay();
            boolean[] product = new boolean[b.productIds.length];
            for (int i = 0; i < product.length; i++) {
                product[i] = spiff.products().isEmpty() || spiff.products().contains(b.productIds[i]);
            }
            long start = period.start().toEpochDay();
            long end = period.endExclusive().toEpochDay();
            boolean[] counting = countingEvents();
            Map<Long, Integer> slot = new HashMap<>();
            for (int who = 0; who < p; who++) {
                for (int d = dealStart[who]; d < dealStart[who + 1]; d++) {
                    slot.put(((long) who << 32) | dealOf[d], d);
                }
            }
            for (int i = 0; i < b.size; i++) {
                long day = b.epochDay[i];
                if (day >= start && day < end && day >= from && day < until && product[b.product[i]] && counting[b.event[i]]) {
                    Integer d = slot.get(((long) planIndex[b.participant[i]] << 32) | b.deal[i]);
                    if (d != null) {
                        qualifying[d] = Math.addExact(qualifying[d], b.amount[i]);
                    }
                }
            }
            return qualifying;
        }

        private void teamPool(TeamPool pool, int ci, int c, long[] credited, long[] teamCredited, long[] targetIncentive,
                              long[] amounts, Explanation[] explanations) {
            Map<String, List<Integer>> members = new HashMap<>();
            for (int who = 0; who < participants.size(); who++) {
                Optional<String> team = participants.get(who).teamId();
                if (team.isPresent()) {
                    members.computeIfAbsent(team.get(), t -> new ArrayList<>()).add(who);
                } else {
                    explanations[who * c + ci] = new Explanation("team-pool", "not in a team → 0.00".replace("0.00",
                            Rate.amount(0, fd)), List.of(new Explanation.Input("plan", plan.planId() + " v" + plan.version())));
                }
            }
            for (Map.Entry<String, List<Integer>> entry : members.entrySet()) {
                List<Integer> who = entry.getValue();
                long revenue = 0;
                long[] weights = new long[who.size()];
                long weightSum = 0;
                for (int i = 0; i < who.size(); i++) {
                    revenue = Math.addExact(revenue, teamCredited[who.get(i)]);
                    weights[i] = participants.get(who.get(i)).poolWeight();
                    weightSum = Math.addExact(weightSum, weights[i]);
                }
                long target = teams.get(entry.getKey()).targetMinor();
                long above = Math.max(0, Math.subtractExact(revenue, target));
                long poolAmount = Rate.apply(above, pool.ratePpm());
                long[] shares = Allocation.allocate(poolAmount, weights);
                for (int i = 0; i < who.size(); i++) {
                    int member = who.get(i);
                    Participant participant = participants.get(member);
                    long amount = limitAmount(pool, participant, credited[member], targetIncentive[member], shares[i]);
                    amounts[member * c + ci] = amount;
                    String formula = "(team revenue " + Rate.amount(revenue, fd) + " − team target " + Rate.amount(target, fd)
                            + ") × " + Rate.percent(pool.ratePpm()) + " = pool " + Rate.amount(poolAmount, fd)
                            + "; share by weight " + weights[i] + " of " + weightSum + " = " + Rate.amount(shares[i], fd)
                            + limitNote(shares[i], amount);
                    explanations[member * c + ci] = new Explanation("team-pool", formula, List.of(
                            input("plan", plan.planId() + " v" + plan.version()),
                            input("team", entry.getKey()),
                            input("team revenue", Rate.amount(revenue, fd)),
                            input("team target", Rate.amount(target, fd)),
                            input("rate", Rate.percent(pool.ratePpm())),
                            input("weight", weights[i] + "/" + weightSum)));
                }
            }
        }

        /** Which events count, by ordinal: the plan's earning event and every reversal. */
        private boolean[] countingEvents() {
            CreditEvent[] events = CreditEvent.values();
            boolean[] counting = new boolean[events.length];
            for (CreditEvent event : events) {
                counting[event.ordinal()] = event == plan.creditOn() || event.reversal();
            }
            return counting;
        }

        private boolean spread(long amount, long[] weights, int from, int to, long[] payouts) {
            return spreader.spread(amount, weights, from, to, payouts);
        }

        private long limit(PlanComponent component, Participant participant, long x, long ti, Outcome outcome) {
            return limitAmount(component, participant, x, ti, outcome.raw);
        }

        /** Gate, floor, period cap, year cap, in that order. */
        private static long limitAmount(PlanComponent component, Participant participant, long x, long ti, long raw) {
            Limits limits = component.limits();
            if (limits.gatePpm().isPresent() && !reached(x, participant.quotaMinor(), limits.gatePpm().get())) {
                return 0;
            }
            long amount = raw;
            if (limits.floor().isPresent()) {
                amount = Math.max(amount, limits.floor().get().resolve(ti));
            }
            if (limits.periodCap().isPresent()) {
                amount = Math.min(amount, limits.periodCap().get().resolve(ti));
            }
            if (limits.yearCap().isPresent()) {
                long remaining = Math.max(0, Math.subtractExact(limits.yearCap().get().resolve(ti),
                        participant.yearToDate(component.id())));
                amount = Math.min(amount, remaining);
            }
            return amount;
        }

        static boolean reached(long x, long quota, long attainmentPpm) {
            return Math.multiplyExact(x, Rate.ONE) >= Math.multiplyExact(quota, attainmentPpm);
        }

        private Outcome compute(PlanComponent component, Participant participant, long x, long split, long base, long ti,
                                long[] weights, int dealFrom, int dealTo, boolean explain) {
            long measure = Math.max(0, x);
            if (component instanceof BaseSalary) {
                long[] share = shareOfYear(period);
                return new Outcome(component, base, "annual base " + Rate.amount(plan.payMix().base(participant.annualOteMinor()), fd)
                        + " × " + share[0] + "/" + share[1], List.of(
                        input("on-target earnings", Rate.amount(participant.annualOteMinor(), fd)),
                        input("base share", Rate.percent(plan.payMix().basePpm())),
                        input("share of year", share[0] + "/" + share[1])));
            }
            if (component instanceof FlatRate flat && !explain) {
                return new Outcome(component, Rate.apply(measure, flat.ratePpm()), "", List.of());
            }
            if (component instanceof FlatRate flat) {
                return new Outcome(component, Rate.apply(measure, flat.ratePpm()),
                        Rate.amount(measure, fd) + " × " + Rate.percent(flat.ratePpm()),
                        List.of(input("rate", Rate.percent(flat.ratePpm()))));
            }
            if (component instanceof Tiered tiered) {
                return tiered(tiered, participant.quotaMinor(), measure, explain);
            }
            if (component instanceof PayoutCurve curve) {
                return curve(curve, participant.quotaMinor(), measure, ti);
            }
            if (component instanceof Breakthrough bonus) {
                boolean hit = reached(measure, participant.quotaMinor(), bonus.minAttainmentPpm());
                long amount = !hit ? 0 : bonus.fixedMinor().orElseGet(() -> Rate.apply(ti, bonus.percentOfTargetPpm().get()));
                String rule = bonus.fixedMinor().isPresent() ? Rate.amount(bonus.fixedMinor().get(), fd) + " fixed"
                        : "target incentive " + Rate.amount(ti, fd) + " × " + Rate.percent(bonus.percentOfTargetPpm().get());
                String formula = "attainment " + Rate.attainment(measure, participant.quotaMinor())
                        + (hit ? " ≥ " : " < ") + Rate.percent(bonus.minAttainmentPpm()) + " → " + (hit ? rule : "nothing");
                return new Outcome(component, amount, formula, List.of(
                        input("threshold", Rate.percent(bonus.minAttainmentPpm()))));
            }
            if (component instanceof Spiff spiff) {
                long qualifying = 0;
                int qualifyingDeals = 0;
                for (int d = dealFrom; d < dealTo; d++) {
                    qualifying = Math.addExact(qualifying, weights[d]);
                    if (weights[d] > 0) {
                        qualifyingDeals++;
                    }
                }
                if (spiff.ratePpm().isPresent()) {
                    long q = Math.max(0, qualifying);
                    return new Outcome(component, Rate.apply(q, spiff.ratePpm().get()), "qualifying " + Rate.amount(q, fd) + " × "
                            + Rate.percent(spiff.ratePpm().get()), List.of(input("qualifying credit", Rate.amount(q, fd)),
                            input("window", spiff.from() + " to " + spiff.until())));
                }
                long per = spiff.perDealMinor().get();
                return new Outcome(component, Math.multiplyExact(per, qualifyingDeals), qualifyingDeals + " deals × "
                        + Rate.amount(per, fd), List.of(input("qualifying deals", Integer.toString(qualifyingDeals)),
                        input("window", spiff.from() + " to " + spiff.until())));
            }
            throw new IllegalStateException("team pools are computed per team");
        }

        private Outcome tiered(Tiered tiered, long quota, long x, boolean explain) {
            TierTexts texts = textsOf(tiered);
            int n = texts.n;
            long[] from = texts.from;
            long[] to = texts.to;
            if (from == null) {
                List<Tier> tiers = tiered.tiers();
                from = new long[n];
                to = new long[n];
                for (int i = 0; i < n; i++) {
                    Tier t = tiers.get(i);
                    from[i] = bound(tiered.basis(), t.from(), quota);
                    to[i] = t.openEnded() ? Long.MAX_VALUE : bound(tiered.basis(), t.to(), quota);
                }
            }
            int reached = 0;
            for (int i = 0; i < n; i++) {
                if (x >= from[i]) {
                    reached = i;
                }
            }
            int retro = texts.retroAtOrBelow[reached];
            long[] ratePpm = texts.ratePpm;
            long exact = 0;
            StringBuilder formula = explain ? new StringBuilder(32 * (reached - retro + 1) + 48) : null;
            if (retro >= 0) {
                long whole = Math.min(x, to[retro]);
                exact = Math.multiplyExact(whole, ratePpm[retro]);
                if (explain) {
                    Rate.appendAmount(formula, whole, fd).append(" × ").append(texts.rate[retro]);
                }
            }
            for (int i = retro + 1; i <= reached; i++) {
                long slice = Math.min(x, to[i]) - from[i];
                exact = Math.addExact(exact, Math.multiplyExact(slice, ratePpm[i]));
                if (!explain) {
                    continue;
                }
                if (formula.length() > 0) {
                    formula.append(" + ");
                }
                Rate.appendAmount(formula, slice, fd).append(" × ").append(texts.rate[i]);
            }
            if (!explain) {
                return new Outcome(tiered, Rate.divideHalfEven(exact, Rate.ONE), "", List.of());
            }
            Explanation.Input range = texts.rangeInput != null ? texts.rangeInput[reached]
                    : TierTexts.range(from[reached], to[reached], fd);
            return new Outcome(texts.rule, tiered, Rate.divideHalfEven(exact, Rate.ONE), formula,
                    List.of(texts.tierInput[reached], range, texts.rateInput[reached]));
        }

        /** The tiered component's texts (a plan has a handful of components: found by identity). */
        private TierTexts textsOf(Tiered tiered) {
            List<PlanComponent> components = plan.components();
            for (int ci = 0; ci < tierTexts.length; ci++) {
                if (components.get(ci) == tiered) {
                    return tierTexts[ci];
                }
            }
            throw new IllegalStateException("not a component of " + plan.subject());
        }

        private static long bound(Basis basis, long value, long quota) {
            return basis == Basis.AMOUNT ? value : Rate.apply(quota, value);
        }

        private Outcome curve(PayoutCurve curve, long quota, long x, long ti) {
            List<CurvePoint> points = curve.points();
            BigInteger xq = BigInteger.valueOf(x).multiply(BigInteger.valueOf(Rate.ONE));
            BigInteger q = BigInteger.valueOf(quota);
            int below = -1;
            for (int i = 0; i < points.size(); i++) {
                if (xq.compareTo(q.multiply(BigInteger.valueOf(points.get(i).attainmentPpm()))) >= 0) {
                    below = i;
                }
            }
            long amount;
            String formula;
            if (below < 0) {
                amount = 0;
                formula = "attainment below the curve's first point → nothing";
            } else if (curve.interpolation() == Interpolation.STEPS || below == points.size() - 1) {
                long payoutPpm = points.get(below).payoutPpm();
                amount = Rate.apply(ti, payoutPpm);
                formula = "target incentive " + Rate.amount(ti, fd) + " × " + Rate.percent(payoutPpm);
            } else {
                CurvePoint lo = points.get(below);
                CurvePoint hi = points.get(below + 1);
                BigInteger span = BigInteger.valueOf(hi.attainmentPpm() - lo.attainmentPpm());
                // payout share = lo.p + (hi.p − lo.p) × (x/q − lo.a) / span, all in ppm; exact rational, one rounding
                BigInteger numerator = BigInteger.valueOf(lo.payoutPpm()).multiply(span).multiply(q)
                        .add(BigInteger.valueOf(hi.payoutPpm() - lo.payoutPpm())
                                .multiply(xq.subtract(q.multiply(BigInteger.valueOf(lo.attainmentPpm())))));
                BigInteger denominator = span.multiply(q).multiply(BigInteger.valueOf(Rate.ONE));
                amount = new java.math.BigDecimal(BigInteger.valueOf(ti).multiply(numerator))
                        .divide(new java.math.BigDecimal(denominator), 0, java.math.RoundingMode.HALF_EVEN).longValueExact();
                formula = "target incentive " + Rate.amount(ti, fd) + " × interpolated between "
                        + Rate.percent(lo.attainmentPpm()) + " → " + Rate.percent(lo.payoutPpm()) + " and "
                        + Rate.percent(hi.attainmentPpm()) + " → " + Rate.percent(hi.payoutPpm());
            }
            return new Outcome("payout-curve/" + curve.interpolation().name().toLowerCase(java.util.Locale.ROOT), curve, amount,
                    formula, List.of(input("target incentive", Rate.amount(ti, fd))));
        }

        String limitNote(long raw, long amount) {
            return raw == amount ? "" : " → " + Rate.amount(amount, fd) + " after limits";
        }

        private static Explanation.Input input(String name, String value) {
            return new Explanation.Input(name, value);
        }

        private final class Outcome {
            final String rule;
            final long raw;
            /** The formula; a {@link StringBuilder} is the explanation's buffer and is appended to. */
            final CharSequence formula;
            final List<Explanation.Input> inputs;

            Outcome(PlanComponent component, long raw, CharSequence formula, List<Explanation.Input> inputs) {
                this(component.type(), component, raw, formula, inputs);
            }

            Outcome(String rule, PlanComponent component, long raw, CharSequence formula, List<Explanation.Input> inputs) {
                this.rule = rule;
                this.raw = raw;
                this.formula = formula;
                this.inputs = inputs;
            }

            Explanation explanation(Computation run, Participant participant, long credited, long split, long amount) {
                int k = inputs.size();
                Explanation.Input[] all = new Explanation.Input[5 + k];
                all[0] = planInput;
                all[1] = input("credited", Rate.amount(credited, fd));
                all[2] = input("of which split credit", Rate.amount(split, fd));
                all[3] = input("quota", Rate.amount(participant.quotaMinor(), fd));
                all[4] = input("attainment", Rate.attainment(credited, participant.quotaMinor()));
                for (int i = 0; i < k; i++) {
                    all[5 + i] = inputs.get(i);
                }
                StringBuilder text = formula instanceof StringBuilder buffer ? buffer
                        : new StringBuilder(formula.length() + 48).append(formula);
                Rate.appendAmount(text.append(" = "), raw, fd);
                if (raw != amount) {
                    Rate.appendAmount(text.append(" → "), amount, fd).append(" after limits");
                }
                return new Explanation(rule, text.toString(), List.of(all));
            }
        }
    }
}
