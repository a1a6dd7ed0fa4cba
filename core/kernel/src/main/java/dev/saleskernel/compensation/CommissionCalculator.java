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
 * <p>Speed: the run makes one pass over the lines, summing each participant's direct, split and
 * other credit (credited credit is all three, team credit the first two); amounts are {@code long}
 * minor units with overflow checked (an overflow is refused as
 * {@link CompensationRejection#AMOUNT_TOO_LARGE}). When the batch's build-time summary shows that
 * every line lies in the period, has an event that counts for the plan and that no sum of its
 * lines can overflow (largest line × line count ≤ {@link Long#MAX_VALUE}), the pass reads two
 * columns, each line's participant and credit group packed in one {@code int} (the index of its
 * sum) and its amount, and adds without filters or checks. Grouping the lines by deal (a counting sort by
 * participant, each line's amount, deal rank and day copied to its participant's segment, then per
 * participant a primitive sort by deal rank) and the deal attribution are done once per run, on
 * the first deal payout read (at once when a SPIFF needs single deals). Explanations are built per
 * participant and component, never per line, and only when a statement is asked for (the run keeps
 * the numbers, for team pools each member's team figures and share); {@link PeriodEarnings} records are
 * materialised on request (each element of {@link CompensationRun#earnings()} when it is read);
 * a tiered formula by amount is written into one buffer of its exact length from texts prepared
 * per run and the participant's figures, other formulas into a growing buffer, amounts formatted
 * straight into it.
 */
public final class CommissionCalculator {
    /** The longest period a run covers, in days (a line's day within the period is kept in 32 bits). */
    public static final long MAX_PERIOD_DAYS = Integer.MAX_VALUE;

    private CommissionCalculator() {
    }

    /**
     * Runs the plan over the credits for a list of participants: checks and indexes them (as
     * {@link Roster#of} does) and runs over that roster.
     *
     * @return the run, or every reason it cannot be computed (plan invalid or not in force for the
     *         whole period, participants or teams invalid, amounts too large)
     */
    public static Either<Rejected, CompensationRun> run(PlanVersion plan, Period period, List<Participant> participants,
                                                        List<Team> teams, CreditBatch credits) {
        List<Participant> copy = List.copyOf(participants);
        ParticipantIndex index = ParticipantIndex.of(copy);
        return run(plan, period, copy, index, null, teams, credits);
    }

    /**
     * Runs the plan over the credits for a roster checked and indexed once (the way to run one
     * participant list many times: periods, recomputes, what-ifs).
     *
     * @return the run, or every reason it cannot be computed (plan invalid or not in force for the
     *         whole period, teams invalid or a participant's team not listed, amounts too large)
     */
    public static Either<Rejected, CompensationRun> run(PlanVersion plan, Period period, Roster roster, List<Team> teams,
                                                        CreditBatch credits) {
        return run(plan, period, roster.participants(), roster.index, roster, teams, credits);
    }

    /** Runs over {@code roster}, or when it is null over the participants once they pass the roster's checks. */
    private static Either<Rejected, CompensationRun> run(PlanVersion plan, Period period, List<Participant> participants,
                                                         ParticipantIndex index, Roster roster, List<Team> teams,
                                                         CreditBatch credits) {
        Either<Rejected, PlanVersion> valid = plan.validated();
        if (valid.isLeft()) {
            return Either.left(valid.getLeft());
        }
        Checks checks = Checks.start()
                .require(plan.effective().contains(period.range()), () -> Rejection.of(PLAN_NOT_IN_FORCE, plan.subject(),
                        "effective", "the plan version is not in force for the whole period")
                        .withEvidence("effective", plan.effective()).withEvidence("period", period.label()))
                .require(period.days() <= MAX_PERIOD_DAYS, () -> Rejection.of(PERIOD_TOO_LONG, "compensation-run", "period",
                        "a run covers at most " + MAX_PERIOD_DAYS + " days").withEvidence("days", period.days()));
        boolean pooled = plan.components().stream().anyMatch(c -> c instanceof TeamPool);
        Map<String, Team> teamsById = new HashMap<>();
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            int at = i;
            checks = checks.require(teamsById.putIfAbsent(team.id(), team) == null && team.targetMinor() >= 0, () ->
                    Rejection.of(PARTICIPANT_INVALID, "compensation-run", "teams[" + at + "]",
                            "a team is listed once with a target of zero or more"));
        }
        if (roster == null || pooled) {
            for (int i = 0; i < participants.size(); i++) {
                Participant p = participants.get(i);
                if (roster == null) {
                    checks = Roster.check(p, i, index, checks);
                }
                int at = i;
                checks = checks.require(!pooled || p.teamId().isEmpty() || teamsById.containsKey(p.teamId().get()), () ->
                        Rejection.of(PARTICIPANT_INVALID, "compensation-run", "participants[" + at + "].teamId",
                                "the team is not listed").withEvidence("team", p.teamId().orElse("")));
            }
        }
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        Roster ready = roster != null ? roster : Roster.checked(participants, index);
        try {
            return Either.right(new Computation(plan, period, ready, teamsById, credits).run());
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
        return prorate(plan.payMix().targetIncentive(annualOteMinor), shareOfYear(period));
    }

    /** {@code round(annual × share[0] ÷ share[1])}, HALF_EVEN: an annual figure for a period. */
    private static long prorate(long annual, long[] share) {
        return Rate.divideHalfEven(Math.multiplyExact(annual, share[0]), share[1]);
    }

    /** The period's share of a year as {numerator, denominator}. */
    static long[] shareOfYear(Period period) {
        PeriodKind kind = period.kind();
        return kind == PeriodKind.CUSTOM ? new long[]{period.days(), 365} : new long[]{kind.months(), 12};
    }

    private static final class Computation implements CompensationRun.Explainer {
        /** A slot's deal rank sits in the upper half of its second long, its day offset in the lower. */
        private static final long RANK_BITS = 0xFFFF_FFFF_0000_0000L;
        /**
         * A participant's credit is summed per credit group of the batch ({@link CreditBatch#group}):
         * direct, split and every other kind (overlay, roll-up, partner). Credited credit is all
         * three, team credit direct and split ({@link CreditKind#teamRevenue()}), split credit the
         * second.
         */
        private static final int GROUPS = CreditBatch.GROUPS;

        private final PlanVersion plan;
        private final Period period;
        private final Roster roster;
        private final List<Participant> participants;
        private final Map<String, Team> teams;
        private final CreditBatch b;
        private final int fd;
        private long[] credited;
        private long[] splitCredited;
        /** The period's share of a year ({@link #shareOfYear}), for base salary and target incentive. */
        private final long[] shareOfYear;
        /** A component's deal weights when they are not the deals' net credit (a SPIFF's qualifying credit). */
        private long[][] weightsOf;
        private long[] amounts;
        /**
         * By component (null when not tiered) and participant: the tier reached and the amount
         * before limits, kept by the run so that an explanation does not work them out again.
         */
        private int[][] reachedTiers;
        private long[][] tieredBeforeLimits;
        private boolean[] attributed;
        private Deals dealGroups;
        /** For team pools, by {@code participant × components + component}: the member's team figures (null when not in a team) and share before limits. */
        private PoolTeam[] poolTeams;
        private long[] poolShares;
        private CompensationRun.Attribution attribution;
        private final DealSpread spreader = new DealSpread();
        private final ParticipantIndex position;
        private int[] planIndex;
        private final Explanation.Input planInput;
        /** Each tiered component's fixed figures and texts by component index, built once per run (read-only afterwards). */
        private final TierTexts[] tierTexts;

        Computation(PlanVersion plan, Period period, Roster roster, Map<String, Team> teams, CreditBatch b) {
            this.plan = plan;
            this.period = period;
            this.roster = roster;
            this.participants = roster.participants();
            this.position = roster.index;
            this.teams = teams;
            this.b = b;
            this.fd = plan.fractionDigits();
            this.shareOfYear = shareOfYear(period);
            this.planInput = input("plan", plan.planId() + " v" + plan.version());
            List<PlanComponent> components = plan.components();
            this.tierTexts = new TierTexts[components.size()];
            for (int ci = 0; ci < tierTexts.length; ci++) {
                if (components.get(ci) instanceof Tiered tiered) {
                    tierTexts[ci] = new TierTexts(tiered, fd, planInput);
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
            /**
             * For tiers by amount, by reached tier, the formula's terms below it, each covered
             * wholly and so the same for every measure reaching that tier, followed by
             * {@code " + "} (empty when the reached tier's term is the first): the retroactive part
             * {@code upper bound × rate} and the marginal slices {@code width × rate}. Null by
             * attainment, where the bounds depend on the quota.
             */
            final String[] termsBelow;
            /** Each tier's {@code " × rate"}, what follows an amount in its term. */
            final String[] timesRate;
            /** Each tier's {@code " × rate = "}: when it is the reached tier, what follows its term up to the formula's result. */
            final String[] timesRateEquals;
            /** For tiers by amount, by reached tier, the plan, tier, range and rate inputs ({@link TieredInputs#ofTier}); null by attainment. */
            final Explanation.Input[][] inputsOfTier;

            TierTexts(Tiered tiered, int fd, Explanation.Input planInput) {
                List<Tier> tiers = tiered.tiers();
                n = tiers.size();
                ratePpm = new long[n];
                rate = new String[n];
                retroAtOrBelow = new int[n];
                tierInput = new Explanation.Input[n];
                rateInput = new Explanation.Input[n];
                timesRate = new String[n];
                timesRateEquals = new String[n];
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
                    timesRate[i] = " × " + rate[i];
                    timesRateEquals[i] = timesRate[i] + EQUALS;
                }
                rule = "tiered/" + (allMarginal ? "marginal" : allRetro ? "retroactive" : "hybrid");
                if (tiered.basis() == Basis.AMOUNT) {
                    from = lowerBounds(tiered, 0);
                    to = upperBounds(tiered, 0);
                    rangeInput = new Explanation.Input[n];
                    termsBelow = new String[n];
                    inputsOfTier = new Explanation.Input[n][];
                    for (int reached = 0; reached < n; reached++) {
                        rangeInput[reached] = range(from[reached], to[reached], fd);
                        inputsOfTier[reached] = TieredInputs.ofTier(planInput, tierInput[reached], rangeInput[reached], rateInput[reached]);
                        int retroBelow = retroAtOrBelow[reached];
                        StringBuilder below = new StringBuilder();
                        if (retroBelow >= 0 && retroBelow < reached) {
                            below.append(Rate.amount(to[retroBelow], fd)).append(timesRate[retroBelow]).append(" + ");
                        }
                        for (int i = retroBelow + 1; i < reached; i++) {
                            below.append(Rate.amount(to[i] - from[i], fd)).append(timesRate[i]).append(" + ");
                        }
                        termsBelow[reached] = below.toString();
                    }
                } else {
                    from = null;
                    to = null;
                    rangeInput = null;
                    termsBelow = null;
                    inputsOfTier = null;
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
                planIndex[i] = position.positionOf(b.participantIds[i], b.participantHashes[i]);
            }
            long start = period.start().toEpochDay();
            long end = period.endExclusive().toEpochDay();
            // one pass in line order sums each participant's direct, split and other credit: all
            // that components on totals need
            int batchParticipants = planIndex.length;
            long[] sums = new long[GROUPS * batchParticipants];
            int unplanned = sumCredit(start, end, sums);
            credited = new long[p];
            long[] teamCredited = new long[p];
            splitCredited = new long[p];
            for (int i = 0; i < batchParticipants; i++) {
                int who = planIndex[i];
                if (who < 0) {
                    continue;
                }
                long direct = sums[CreditBatch.DIRECT_GROUP * batchParticipants + i];
                long split = sums[CreditBatch.SPLIT_GROUP * batchParticipants + i];
                teamCredited[who] = Math.addExact(direct, split);
                credited[who] = Math.addExact(teamCredited[who], sums[CreditBatch.OTHER_GROUP * batchParticipants + i]);
                splitCredited[who] = split;
            }
            List<PlanComponent> components = plan.components();
            int c = components.size();
            // a SPIFF's amount depends on single deals: then the deals are grouped now, else on request
            Deals grouped = components.stream().anyMatch(Spiff.class::isInstance) ? deals() : null;
            amounts = new long[p * c];
            reachedTiers = new int[c][];
            tieredBeforeLimits = new long[c][];
            weightsOf = new long[c][];
            attributed = new boolean[p * c];
            for (int ci = 0; ci < c; ci++) {
                PlanComponent component = components.get(ci);
                if (component instanceof TeamPool pool) {
                    teamPool(pool, ci, c, credited, teamCredited, amounts);
                    continue;
                }
                long[] weights = component instanceof Spiff spiff
                        ? spiffQualifying(spiff, grouped.start(), grouped.dealOf(), p, grouped.count()) : null;
                weightsOf[ci] = weights;
                long[] quota = roster.quota;
                if (component instanceof Tiered) {
                    reachedTiers[ci] = new int[p];
                    tieredBeforeLimits[ci] = new long[p];
                }
                for (int who = 0; who < p; who++) {
                    int dealFrom = grouped == null ? 0 : grouped.start()[who];
                    int dealTo = grouped == null ? 0 : grouped.start()[who + 1];
                    long raw = component instanceof Tiered tiered
                            ? tieredRaw(tiered, ci, who, quota[who], Math.max(0, credited[who]))
                            : compute(component, who, credited[who], splitCredited[who], weights, dealFrom, dealTo, false).raw;
                    long amount = limitAmount(component, who, credited[who], raw);
                    amounts[who * c + ci] = amount;
                    attributed[who * c + ci] = component.dealAttributable()
                            && (amount == 0 || hasDealToSplitOver(weights, who, dealFrom, dealTo));
                }
            }
            return new CompensationRun(plan, period, roster, credited, amounts, attributed, this,
                    b, unplanned);
        }

        /**
         * Adds each counting line of the period whose participant is listed to the sum for its
         * participant and credit group, in the batch's slots ({@code sums[group × batch
         * participants + batch participant index]}, as {@link CreditBatch#participantGroup});
         * returns the number of counting lines whose participant is not listed. When the batch's
         * summary shows that every line is in the period, counts for the plan and cannot overflow
         * a sum, the pass reads two columns (the slot and the amount) and adds without checks, and
         * the unlisted participants' lines are counted from the summary; otherwise it filters each
         * line and checks each sum.
         */
        private int sumCredit(long start, long end, long[] sums) {
            int[] participantGroup = b.participantGroup;
            long[] amount = b.amount;
            int size = b.size;
            boolean[] counting = countingEvents();
            if (b.allWithin(start, end, mask(counting)) && b.sumsCannotOverflow()) {
                for (int i = 0; i < size; i++) {
                    sums[participantGroup[i]] += amount[i];
                }
                int unplanned = 0;
                for (int i = 0; i < planIndex.length; i++) {
                    if (planIndex[i] < 0) {
                        unplanned += b.linesOf[i];
                    }
                }
                return unplanned;
            }
            long[] epochDay = b.epochDay;
            byte[] event = b.event;
            int unplanned = 0;
            for (int i = 0; i < size; i++) {
                long day = epochDay[i];
                if (day < start || day >= end || !counting[event[i]]) {
                    continue;
                }
                if (planIndex[b.participantOf(i)] < 0) {
                    unplanned++;
                    continue;
                }
                int slot = participantGroup[i];
                sums[slot] = Math.addExact(sums[slot], amount[i]);
            }
            return unplanned;
        }

        private static int mask(boolean[] counting) {
            int mask = 0;
            for (int ordinal = 0; ordinal < counting.length; ordinal++) {
                mask |= counting[ordinal] ? 1 << ordinal : 0;
            }
            return mask;
        }

        /**
         * Whether the participant has a deal with positive weight: by its SPIFF weights when given,
         * else by net credit, where a positive credited total answers without grouping the deals
         * (they sum to it); only a non-positive total (a floor paid on it) needs the deals.
         */
        private boolean hasDealToSplitOver(long[] weights, int who, int dealFrom, int dealTo) {
            if (weights != null) {
                return anyPositive(weights, dealFrom, dealTo);
            }
            if (credited[who] > 0) {
                return true;
            }
            Deals deals = deals();
            return anyPositive(deals.net(), deals.start()[who], deals.start()[who + 1]);
        }

        private static boolean anyPositive(long[] weights, int from, int to) {
            for (int d = from; d < to; d++) {
                if (weights[d] > 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The counted lines grouped by participant and, within a participant, by deal in rank (id)
         * order: each deal's net credit and first credit date. Built once, on first need.
         *
         * @param start    where each participant's deals begin (and, at {@code p}, where they end)
         * @param dealOf   each deal's rank in the batch
         * @param net      each deal's net credit, in minor units
         * @param firstDay each deal's earliest credit date, as an epoch day
         * @param count    how many deals
         */
        private record Deals(int[] start, int[] dealOf, long[] net, long[] firstDay, int count) {
        }

        private synchronized Deals deals() {
            if (dealGroups == null) {
                dealGroups = groupDeals();
            }
            return dealGroups;
        }

        private Deals groupDeals() {
            int p = participants.size();
            long start = period.start().toEpochDay();
            long end = period.endExclusive().toEpochDay();
            boolean[] counting = countingEvents();
            int[] offsets = new int[p + 1];
            for (int i = 0; i < b.size; i++) {
                int who = planIndex[b.participantOf(i)];
                long day = b.epochDay[i];
                if (who >= 0 && day >= start && day < end && counting[b.event[i]]) {
                    offsets[who + 1]++;
                }
            }
            for (int who = 0; who < p; who++) {
                offsets[who + 1] += offsets[who];
            }
            int counted = offsets[p];
            // each counted line to its slot in its participant's segment: its amount, and its deal
            // rank above its day (days since the period start) in one long, so a line costs one
            // write to one place
            long[] slotData = new long[2 * counted];
            int[] cursor = Arrays.copyOf(offsets, p);
            for (int i = 0; i < b.size; i++) {
                int who = planIndex[b.participantOf(i)];
                long day = b.epochDay[i];
                if (who >= 0 && day >= start && day < end && counting[b.event[i]]) {
                    int slot = cursor[who]++;
                    slotData[2 * slot] = b.amount[i];
                    slotData[2 * slot + 1] = (long) b.deal[i] << 32 | (day - start);
                }
            }
            int[] dealStart = new int[p + 1];
            int[] dealOf = new int[counted];
            long[] dealNet = new long[counted];
            long[] dealFirstDay = new long[counted];
            long[] keys = new long[16];
            int deals = 0;
            for (int who = 0; who < p; who++) {
                int from = offsets[who];
                int n = offsets[who + 1] - from;
                if (keys.length < n) {
                    keys = new long[Math.max(n, 2 * keys.length)];
                }
                // the participant's lines by (deal rank, slot): within a deal, in line order, as they came
                for (int k = 0; k < n; k++) {
                    keys[k] = (slotData[2 * (from + k) + 1] & RANK_BITS) | k;
                }
                Arrays.sort(keys, 0, n);
                long lastRank = -1;
                dealStart[who] = deals;
                for (int k = 0; k < n; k++) {
                    int slot = from + (int) keys[k];
                    long rank = keys[k] >>> 32;
                    long amount = slotData[2 * slot];
                    long day = start + (int) slotData[2 * slot + 1];
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
            return new Deals(dealStart, dealOf, dealNet, dealFirstDay, deals);
        }

        /**
         * Every deal-attributable component's amount split over each participant's deals, by their
         * weight (net credit; a SPIFF's qualifying credit): computed once, on the first deal payout read.
         */
        @Override
        public synchronized CompensationRun.Attribution attribution() {
            if (attribution == null) {
                Deals grouped = deals();
                List<PlanComponent> components = plan.components();
                int c = components.size();
                int p = participants.size();
                long[][] payouts = new long[c][];
                long[][] bases = new long[c][];
                for (int ci = 0; ci < c; ci++) {
                    if (!components.get(ci).dealAttributable()) {
                        continue;
                    }
                    long[] weights = weightsOf[ci] != null ? weightsOf[ci] : grouped.net();
                    payouts[ci] = new long[grouped.count()];
                    bases[ci] = weights;
                    for (int who = 0; who < p; who++) {
                        spreader.spread(amounts[who * c + ci], weights, grouped.start()[who], grouped.start()[who + 1], payouts[ci]);
                    }
                }
                attribution = new CompensationRun.Attribution(grouped.start(), grouped.dealOf(), grouped.firstDay(), payouts, bases);
            }
            return attribution;
        }

        @Override
        public Explanation explain(int who, int ci) {
            PlanComponent component = plan.components().get(ci);
            long amount = amounts[who * plan.components().size() + ci];
            if (component instanceof Tiered tiered) {
                return explainTiered(tiered, who, credited[who], splitCredited[who], reachedTiers[ci][who],
                        tieredBeforeLimits[ci][who], amount);
            }
            if (component instanceof TeamPool pool) {
                return explainPool(pool, who, who * plan.components().size() + ci, amount);
            }
            Participant participant = participants.get(who);
            int[] dealStart = component instanceof Spiff ? deals().start() : null;
            Outcome outcome = compute(component, who, credited[who], splitCredited[who], weightsOf[ci],
                    dealStart == null ? 0 : dealStart[who],
                    dealStart == null ? 0 : dealStart[who + 1], true);
            return outcome.explanation(participant, credited[who], splitCredited[who], amount);
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
                    Integer d = slot.get(((long) planIndex[b.participantOf(i)] << 32) | b.deal[i]);
                    if (d != null) {
                        qualifying[d] = Math.addExact(qualifying[d], b.amount[i]);
                    }
                }
            }
            return qualifying;
        }

        /**
         * Computes a team pool per team and each member's share; keeps, for the explanations built
         * on request, each member's team figures and share before limits.
         */
        private void teamPool(TeamPool pool, int ci, int c, long[] credited, long[] teamCredited, long[] amounts) {
            if (poolTeams == null) {
                poolTeams = new PoolTeam[participants.size() * c];
                poolShares = new long[participants.size() * c];
            }
            Map<String, List<Integer>> members = new HashMap<>();
            for (int who = 0; who < participants.size(); who++) {
                Optional<String> team = participants.get(who).teamId();
                if (team.isPresent()) {
                    members.computeIfAbsent(team.get(), t -> new ArrayList<>()).add(who);
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
                PoolTeam figures = new PoolTeam(entry.getKey(), revenue, target, poolAmount, weightSum);
                for (int i = 0; i < who.size(); i++) {
                    int member = who.get(i);
                    amounts[member * c + ci] = limitAmount(pool, member, credited[member], shares[i]);
                    poolTeams[member * c + ci] = figures;
                    poolShares[member * c + ci] = shares[i];
                }
            }
        }

        /** A team pool's figures for one team: its revenue, target, the pool and the members' weights summed. */
        private record PoolTeam(String id, long revenue, long target, long pool, long weightSum) {
        }

        /** The member's team-pool explanation, from the figures the run kept ({@code 0.00} when not in a team). */
        private Explanation explainPool(TeamPool pool, int who, int slot, long amount) {
            PoolTeam team = poolTeams[slot];
            if (team == null) {
                return new Explanation("team-pool", "not in a team → " + Rate.amount(0, fd), List.of(planInput));
            }
            long weight = participants.get(who).poolWeight();
            String formula = "(team revenue " + Rate.amount(team.revenue(), fd) + " − team target " + Rate.amount(team.target(), fd)
                    + ") × " + Rate.percent(pool.ratePpm()) + " = pool " + Rate.amount(team.pool(), fd)
                    + "; share by weight " + weight + " of " + team.weightSum();
            return new Explanation("team-pool", resultText(new FormulaText(formula.length() + 48).append(formula), poolShares[slot],
                    amount).toString(), List.of(
                    planInput,
                    input("team", team.id()),
                    input("team revenue", Rate.amount(team.revenue(), fd)),
                    input("team target", Rate.amount(team.target(), fd)),
                    input("rate", Rate.percent(pool.ratePpm())),
                    input("weight", weight + "/" + team.weightSum())));
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

        /**
         * The participant's period target incentive ({@link #periodTargetIncentive}), worked out
         * only when a component or limit needs it (most plans' runs never do).
         */
        private long targetIncentive(int who) {
            return prorate(plan.payMix().targetIncentive(participants.get(who).annualOteMinor()), shareOfYear);
        }

        /** The participant's base salary for the period: {@code round(annual base × share of year)}, HALF_EVEN. */
        private long base(int who) {
            return prorate(plan.payMix().base(participants.get(who).annualOteMinor()), shareOfYear);
        }

        /** The limit in minor units for the participant (the target incentive worked out only for a multiple of it). */
        private long resolve(Limit limit, int who) {
            return limit.resolve(limit.multipleOfTargetIncentive() ? targetIncentive(who) : 0);
        }

        /** Gate, floor, period cap, year cap, in that order. */
        private long limitAmount(PlanComponent component, int who, long x, long raw) {
            Limits limits = component.limits();
            if (limits.gatePpm().isPresent() && !reached(x, roster.quota[who], limits.gatePpm().get())) {
                return 0;
            }
            long amount = raw;
            if (limits.floor().isPresent()) {
                amount = Math.max(amount, resolve(limits.floor().get(), who));
            }
            if (limits.periodCap().isPresent()) {
                amount = Math.min(amount, resolve(limits.periodCap().get(), who));
            }
            if (limits.yearCap().isPresent()) {
                long remaining = Math.max(0, Math.subtractExact(resolve(limits.yearCap().get(), who),
                        participants.get(who).yearToDate(component.id())));
                amount = Math.min(amount, remaining);
            }
            return amount;
        }

        static boolean reached(long x, long quota, long attainmentPpm) {
            return Math.multiplyExact(x, Rate.ONE) >= Math.multiplyExact(quota, attainmentPpm);
        }

        private Outcome compute(PlanComponent component, int who, long x, long split, long[] weights, int dealFrom, int dealTo,
                                boolean explain) {
            Participant participant = participants.get(who);
            long measure = Math.max(0, x);
            if (component instanceof BaseSalary) {
                long[] share = shareOfYear;
                return new Outcome(component, base(who), "annual base " + Rate.amount(plan.payMix().base(participant.annualOteMinor()), fd)
                        + " × " + share[0] + "/" + share[1],
                        input("on-target earnings", Rate.amount(participant.annualOteMinor(), fd)),
                        input("base share", Rate.percent(plan.payMix().basePpm())),
                        input("share of year", share[0] + "/" + share[1]));
            }
            if (component instanceof FlatRate flat && !explain) {
                return new Outcome(component, Rate.apply(measure, flat.ratePpm()), "");
            }
            if (component instanceof FlatRate flat) {
                return new Outcome(component, Rate.apply(measure, flat.ratePpm()),
                        Rate.amount(measure, fd) + " × " + Rate.percent(flat.ratePpm()),
                        input("rate", Rate.percent(flat.ratePpm())));
            }
            if (component instanceof PayoutCurve curve) {
                return curve(curve, participant.quotaMinor(), measure, targetIncentive(who));
            }
            if (component instanceof Breakthrough bonus) {
                boolean hit = reached(measure, participant.quotaMinor(), bonus.minAttainmentPpm());
                long ti = bonus.fixedMinor().isPresent() ? 0 : targetIncentive(who);
                long amount = !hit ? 0 : bonus.fixedMinor().orElseGet(() -> Rate.apply(ti, bonus.percentOfTargetPpm().get()));
                String rule = bonus.fixedMinor().isPresent() ? Rate.amount(bonus.fixedMinor().get(), fd) + " fixed"
                        : "target incentive " + Rate.amount(ti, fd) + " × " + Rate.percent(bonus.percentOfTargetPpm().get());
                String formula = "attainment " + Rate.attainment(measure, participant.quotaMinor())
                        + (hit ? " ≥ " : " < ") + Rate.percent(bonus.minAttainmentPpm()) + " → " + (hit ? rule : "nothing");
                return new Outcome(component, amount, formula,
                        input("threshold", Rate.percent(bonus.minAttainmentPpm())));
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
                            + Rate.percent(spiff.ratePpm().get()), input("qualifying credit", Rate.amount(q, fd)),
                            input("window", spiff.from() + " to " + spiff.until()));
                }
                long per = spiff.perDealMinor().get();
                return new Outcome(component, Math.multiplyExact(per, qualifyingDeals), qualifyingDeals + " deals × "
                        + Rate.amount(per, fd), input("qualifying deals", Integer.toString(qualifyingDeals)),
                        input("window", spiff.from() + " to " + spiff.until()));
            }
            throw new IllegalStateException("team pools are computed per team");
        }

        /**
         * The tiered component's explanation. Tiers by amount: the formula is the terms below the
         * reached tier (prepared once per run), the reached tier's term, the amount and what limits
         * made of it, written into one buffer of the formula's exact length (no text of the term
         * alone); the credited text is copied when the term equals it. By attainment the terms are
         * written one by one into a growing buffer.
         */
        private Explanation explainTiered(Tiered tiered, int who, long credited, long split, int reached, long raw,
                                          long amount) {
            TierTexts texts = textsOf(tiered);
            long quota = roster.quota[who];
            long x = Math.max(0, credited);
            String creditedText = Rate.amount(credited, fd);
            long[] from = texts.from != null ? texts.from : lowerBounds(tiered, quota);
            long[] to = texts.to != null ? texts.to : upperBounds(tiered, quota);
            String formula;
            if (texts.termsBelow != null) {
                long term = texts.retroAtOrBelow[reached] == reached ? Math.min(x, to[reached]) : Math.min(x, to[reached]) - from[reached];
                boolean termIsCredited = term == credited;
                String below = texts.termsBelow[reached];
                String timesRateEquals = texts.timesRateEquals[reached];
                // written once into a buffer of the formula's exact length
                FormulaText text = new FormulaText(below.length() + (termIsCredited ? creditedText.length() : Rate.amountLength(term, fd))
                        + timesRateEquals.length() + Rate.amountLength(raw, fd) + limitsLength(raw, amount)).append(below);
                if (termIsCredited) {
                    text.append(creditedText);
                } else {
                    text.appendAmount(term, fd);
                }
                formula = limitsText(text.append(timesRateEquals).appendAmount(raw, fd), raw, amount).toString();
            } else {
                FormulaText text = new FormulaText(96);
                tieredRaw(texts, from, to, reached, x, text);
                formula = resultText(text, raw, amount).toString();
            }
            Explanation.Input creditedInput = input("credited", creditedText);
            Explanation.Input splitInput = input("of which split credit", Rate.amount(split, fd));
            Explanation.Input attainmentInput = input("attainment", Rate.attainment(credited, quota));
            if (texts.inputsOfTier != null) {
                return new Explanation(texts.rule, formula, new TieredInputs(texts.inputsOfTier[reached], creditedInput, splitInput,
                        quotaInput(quota), attainmentInput));
            }
            return new Explanation(texts.rule, formula, List.of(planInput, creditedInput, splitInput, quotaInput(quota),
                    attainmentInput, texts.tierInput[reached], TierTexts.range(from[reached], to[reached], fd), texts.rateInput[reached]));
        }

        /** What a formula shows from its result on: {@code " = raw"} and, when limits changed it, {@code " → amount after limits"}. */
        private static final String EQUALS = " = ";
        private static final String LIMITED = " → ";
        private static final String AFTER_LIMITS = " after limits";

        /** Appends {@code " = raw"} and, when limits changed it, {@code " → amount after limits"}. */
        private FormulaText resultText(FormulaText formula, long raw, long amount) {
            return limitsText(formula.append(EQUALS).appendAmount(raw, fd), raw, amount);
        }

        /** Appends {@code " → amount after limits"} when limits changed the raw amount. */
        private FormulaText limitsText(FormulaText formula, long raw, long amount) {
            if (raw != amount) {
                formula.append(LIMITED).appendAmount(amount, fd).append(AFTER_LIMITS);
            }
            return formula;
        }

        /** How many chars {@link #limitsText} appends. */
        private int limitsLength(long raw, long amount) {
            return raw == amount ? 0 : LIMITED.length() + Rate.amountLength(amount, fd) + AFTER_LIMITS.length();
        }

        /**
         * The tiered component's amount on measure {@code x}: the retroactive part (the whole measure
         * up to the highest retroactive tier reached, at its rate) plus each marginal slice above it
         * at its tier's rate, exact in rate-ppm units, rounded once HALF_EVEN. The tier reached and
         * this amount are kept for participant {@code who} under component {@code ci}, for the
         * explanation.
         */
        private long tieredRaw(Tiered tiered, int ci, int who, long quota, long x) {
            TierTexts texts = textsOf(tiered);
            long[] from = texts.from != null ? texts.from : lowerBounds(tiered, quota);
            long[] to = texts.to != null ? texts.to : upperBounds(tiered, quota);
            int reached = reachedTier(from, x);
            long raw = tieredRaw(texts, from, to, reached, x, null);
            reachedTiers[ci][who] = reached;
            tieredBeforeLimits[ci][who] = raw;
            return raw;
        }

        /**
         * {@link #tieredRaw(Tiered, int, int, long, long)} on the tier bounds for the participant's quota and
         * the tier {@code x} reached; each term {@code amount × rate} is written to {@code formula}
         * unless it is null.
         */
        private long tieredRaw(TierTexts texts, long[] from, long[] to, int reached, long x, FormulaText formula) {
            int retro = texts.retroAtOrBelow[reached];
            long[] ratePpm = texts.ratePpm;
            long exact = 0;
            if (retro >= 0) {
                long whole = Math.min(x, to[retro]);
                exact = Math.multiplyExact(whole, ratePpm[retro]);
                if (formula != null) {
                    formula.appendAmount(whole, fd).append(texts.timesRate[retro]);
                }
            }
            for (int i = retro + 1; i <= reached; i++) {
                long slice = Math.min(x, to[i]) - from[i];
                exact = Math.addExact(exact, Math.multiplyExact(slice, ratePpm[i]));
                if (formula == null) {
                    continue;
                }
                if (formula.length() > 0) {
                    formula.append(" + ");
                }
                formula.appendAmount(slice, fd).append(texts.timesRate[i]);
            }
            return Rate.divideHalfEven(exact, Rate.ONE);
        }

        /**
         * The highest tier whose lower bound {@code x} reaches (the first tier when it reaches none).
         * The bounds never decrease (tiers are contiguous), so that is the count of the bounds
         * above the first that {@code x} reaches; counted without a branch, as which tier a
         * participant reaches is as good as random from one to the next.
         */
        private static int reachedTier(long[] from, long x) {
            int reached = 0;
            for (int i = 1; i < from.length; i++) {
                reached += x >= from[i] ? 1 : 0;
            }
            return reached;
        }

        /** Tier lower bounds in minor units (by attainment: of this quota; by amount the quota plays no part). */
        private static long[] lowerBounds(Tiered tiered, long quota) {
            List<Tier> tiers = tiered.tiers();
            long[] from = new long[tiers.size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = bound(tiered.basis(), tiers.get(i).from(), quota);
            }
            return from;
        }

        /** Tier upper bounds (exclusive; {@link Long#MAX_VALUE} when open-ended) for this quota. */
        private static long[] upperBounds(Tiered tiered, long quota) {
            List<Tier> tiers = tiered.tiers();
            long[] to = new long[tiers.size()];
            for (int i = 0; i < to.length; i++) {
                Tier t = tiers.get(i);
                to[i] = t.openEnded() ? Long.MAX_VALUE : bound(tiered.basis(), t.to(), quota);
            }
            return to;
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
            return new Outcome("payout-curve/" + curve.interpolation().name().toLowerCase(java.util.Locale.ROOT), amount,
                    formula, input("target incentive", Rate.amount(ti, fd)));
        }

        /** The last quota input written, reused while quotas repeat (they mostly do: one per role); a benign race. */
        private volatile QuotaInput lastQuota;

        private record QuotaInput(long quota, Explanation.Input input) {
        }

        /** The {@code quota} input for a quota, the same object for the same quota as the last one asked for. */
        private Explanation.Input quotaInput(long quota) {
            QuotaInput last = lastQuota;
            if (last == null || last.quota() != quota) {
                last = new QuotaInput(quota, input("quota", Rate.amount(quota, fd)));
                lastQuota = last;
            }
            return last.input();
        }

        private static Explanation.Input input(String name, String value) {
            return new Explanation.Input(name, value);
        }

        /**
         * A component's amount before limits, its formula and the inputs particular to it (the
         * explanation puts the plan, credit, quota and attainment inputs before them).
         */
        private final class Outcome {
            final String rule;
            final long raw;
            /** The formula up to its result. */
            final String formula;
            /** At most three inputs (an array of the calculator's own, never changed). */
            final Explanation.Input[] inputs;

            Outcome(PlanComponent component, long raw, String formula, Explanation.Input... inputs) {
                this(component.type(), raw, formula, inputs);
            }

            Outcome(String rule, long raw, String formula, Explanation.Input... inputs) {
                this.rule = rule;
                this.raw = raw;
                this.formula = formula;
                this.inputs = inputs;
            }

            Explanation explanation(Participant participant, long credited, long split, long amount) {
                long quota = participant.quotaMinor();
                Explanation.Input creditedInput = input("credited", Rate.amount(credited, fd));
                Explanation.Input splitInput = input("of which split credit", Rate.amount(split, fd));
                Explanation.Input quotaInput = quotaInput(quota);
                Explanation.Input attainmentInput = input("attainment", Rate.attainment(credited, quota));
                FormulaText text = resultText(new FormulaText(formula.length() + 48).append(formula), raw, amount);
                // fixed-arity List.of keeps the array it is given (List.of(array) would copy it)
                Explanation.Input[] own = inputs;
                List<Explanation.Input> all = switch (own.length) {
                    case 0 -> List.of(planInput, creditedInput, splitInput, quotaInput, attainmentInput);
                    case 1 -> List.of(planInput, creditedInput, splitInput, quotaInput, attainmentInput, own[0]);
                    case 2 -> List.of(planInput, creditedInput, splitInput, quotaInput, attainmentInput, own[0], own[1]);
                    case 3 -> List.of(planInput, creditedInput, splitInput, quotaInput, attainmentInput, own[0], own[1], own[2]);
                    default -> throw new IllegalStateException("an outcome has at most three inputs");
                };
                return new Explanation(rule, text.toString(), all);
            }
        }
    }
}
