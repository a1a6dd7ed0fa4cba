package dev.saleskernel.compensation;

import dev.saleskernel.period.Period;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The result of {@link CommissionCalculator#run}: every participant's earnings in the period,
 * held column-wise and materialised as {@link PeriodEarnings} on request. Immutable.
 *
 * <p>Every amount is minor units of the plan currency. For each participant and deal-attributable
 * component, the {@link PeriodEarnings.DealPayout}s sum exactly to the component's amount; their
 * rate is {@code payout ÷ the deal's credited amount} at scale 6, HALF_EVEN.
 *
 * <p>Safe to share between threads: besides its immutable columns it only caches the
 * {@link LocalDate}s of the period (immutable values, a benign race).
 */
public final class CompensationRun {
    private final PlanVersion plan;
    private final Period period;
    private final List<Participant> participants;
    private final Map<String, Integer> position;
    private final long[] credited;
    private final long[] amounts;
    private final boolean[] attributed;
    private final Explanation[] explanations;
    private final Explainer explainer;
    private final int[] dealStart;
    private final int[] dealOf;
    private final long[] dealNet;
    private final long[] dealFirstDay;
    private final long[][] dealPayouts;
    private final long[][] dealBases;
    private final CreditBatch batch;
    private final int unplannedLines;
    private final long firstDay;
    private final LocalDate[] days;

    CompensationRun(PlanVersion plan, Period period, List<Participant> participants, Map<String, Integer> position, long[] credited, long[] amounts,
                    boolean[] attributed, Explanation[] explanations, Explainer explainer, int[] dealStart, int[] dealOf, long[] dealNet,
                    long[] dealFirstDay, long[][] dealPayouts, long[][] dealBases, CreditBatch batch, int unplannedLines) {
        this.plan = plan;
        this.period = period;
        this.participants = List.copyOf(participants);
        this.position = position;
        this.credited = credited;
        this.amounts = amounts;
        this.attributed = attributed;
        this.explanations = explanations;
        this.explainer = explainer;
        this.dealStart = dealStart;
        this.dealOf = dealOf;
        this.dealNet = dealNet;
        this.dealFirstDay = dealFirstDay;
        this.dealPayouts = dealPayouts;
        this.dealBases = dealBases;
        this.batch = batch;
        this.unplannedLines = unplannedLines;
        this.firstDay = period.start().toEpochDay();
        this.days = new LocalDate[(int) Math.min(period.days(), 3_700)];
    }

    public PlanVersion plan() {
        return plan;
    }

    public Period period() {
        return period;
    }

    /** The participants' ids, in the order given to the calculator. */
    public List<String> participantIds() {
        return participants.stream().map(Participant::id).toList();
    }

    /** Lines in the period for the plan's events whose participant was not listed (paid under no component here). */
    public int unplannedLines() {
        return unplannedLines;
    }

    /** The participant's period-to-date credited measure (may be negative after reversals). */
    public long creditedMinor(String participantId) {
        return credited[index(participantId)];
    }

    /** What one component paid the participant. */
    public long componentMinor(String participantId, String componentId) {
        int c = componentIndex(componentId);
        return amounts[index(participantId) * plan.components().size() + c];
    }

    /** The participant's total over all components. */
    public long totalMinor(String participantId) {
        int who = index(participantId);
        int c = plan.components().size();
        long total = 0;
        for (int i = 0; i < c; i++) {
            total = Math.addExact(total, amounts[who * c + i]);
        }
        return total;
    }

    /** Everyone's total, in minor units. */
    public long totalMinor() {
        long total = 0;
        for (long amount : amounts) {
            total = Math.addExact(total, amount);
        }
        return total;
    }

    /** Each participant's total, in participant order. */
    public Map<String, Long> totalsByParticipant() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Participant participant : participants) {
            totals.put(participant.id(), totalMinor(participant.id()));
        }
        return totals;
    }

    /**
     * The participant's earnings, with explanations and deal payouts. The component lines and their
     * explanations are built here; the deal payouts are a read-only list over the run's columns
     * that builds each {@link PeriodEarnings.DealPayout} (and its rate) when it is read, so a
     * statement costs what is read from it.
     */
    public PeriodEarnings earnings(String participantId) {
        return earnings(index(participantId));
    }

    private PeriodEarnings earnings(int who) {
        List<PlanComponent> components = plan.components();
        int c = components.size();
        PeriodEarnings.ComponentEarning[] lines = new PeriodEarnings.ComponentEarning[c];
        int[] componentEnd = new int[c];
        int count = 0;
        for (int ci = 0; ci < c; ci++) {
            PlanComponent component = components.get(ci);
            Explanation explanation = explanations[who * c + ci];
            lines[ci] = new PeriodEarnings.ComponentEarning(component.id(), component.type(), amounts[who * c + ci],
                    attributed[who * c + ci], explanation != null ? explanation : explainer.explain(who, ci));
            if (dealPayouts[ci] != null && attributed[who * c + ci]) {
                for (int d = dealStart[who]; d < dealStart[who + 1]; d++) {
                    if (dealPayouts[ci][d] != 0) {
                        count++;
                    }
                }
            }
            componentEnd[ci] = count;
        }
        int[] deals = new int[count];
        for (int ci = 0, k = 0; ci < c; ci++) {
            if (dealPayouts[ci] != null && attributed[who * c + ci]) {
                for (int d = dealStart[who]; d < dealStart[who + 1]; d++) {
                    if (dealPayouts[ci][d] != 0) {
                        deals[k++] = d;
                    }
                }
            }
        }
        return new PeriodEarnings(participants.get(who).id(), period, plan.currency(), plan.planId(), plan.version(),
                List.of(lines), new DealPayoutList(this, componentEnd, deals));
    }

    /** Every participant's earnings, in participant order. */
    public List<PeriodEarnings> earnings() {
        PeriodEarnings[] all = new PeriodEarnings[participants.size()];
        for (int who = 0; who < all.length; who++) {
            all[who] = earnings(who);
        }
        return List.of(all);
    }

    /** Deal {@code d}'s payout under component {@code ci}, built from the columns. */
    private PeriodEarnings.DealPayout dealPayout(int ci, int d) {
        long payout = dealPayouts[ci][d];
        long base = dealBases[ci][d];
        return new PeriodEarnings.DealPayout(batch.dealIds[dealOf[d]], plan.components().get(ci).id(), payout,
                base == 0 ? Optional.empty() : Optional.of(Rate.quotient(payout, base)), day(dealFirstDay[d]));
    }

    /** Dates of the period, built once each (deal payouts of a run share a few dozen days). */
    private LocalDate day(long epochDay) {
        long offset = epochDay - firstDay;
        if (offset < 0 || offset >= days.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate day = days[(int) offset];
        if (day == null) {
            day = LocalDate.ofEpochDay(epochDay);
            days[(int) offset] = day;
        }
        return day;
    }

    /**
     * A participant's deal payouts as an immutable list over the run's columns: {@code deals}
     * holds the deal slots in statement order, {@code componentEnd[ci]} where component
     * {@code ci}'s slots end. Each element is built when read.
     */
    static final class DealPayoutList extends AbstractList<PeriodEarnings.DealPayout> implements RandomAccess {
        private final CompensationRun run;
        private final int[] componentEnd;
        private final int[] deals;

        DealPayoutList(CompensationRun run, int[] componentEnd, int[] deals) {
            this.run = run;
            this.componentEnd = componentEnd;
            this.deals = deals;
        }

        @Override
        public PeriodEarnings.DealPayout get(int index) {
            Objects.checkIndex(index, deals.length);
            int ci = 0;
            while (index >= componentEnd[ci]) {
                ci++;
            }
            return run.dealPayout(ci, deals[index]);
        }

        @Override
        public int size() {
            return deals.length;
        }
    }

    /**
     * Builds a participant's explanation for one component on request, from the numbers the run
     * kept (so a run over many participants formats text only for the statements asked for).
     */
    interface Explainer {
        Explanation explain(int participant, int component);
    }

    private int index(String participantId) {
        Integer who = position.get(participantId);
        if (who == null) {
            throw new IllegalArgumentException("not a participant of this run: " + participantId);
        }
        return who;
    }

    private int componentIndex(String componentId) {
        List<PlanComponent> components = plan.components();
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).id().equals(componentId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no component " + componentId + " in " + plan.subject());
    }
}
