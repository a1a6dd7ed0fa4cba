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
 * <p>Safe to share between threads: besides its immutable columns it caches the
 * {@link LocalDate}s of the period (immutable values, a benign race) and the deal attribution,
 * which the calculator computes once under its lock on the first deal payout read and which is
 * then published through a volatile field.
 */
public final class CompensationRun {
    private final PlanVersion plan;
    private final Period period;
    private final List<Participant> participants;
    private final ParticipantIndex position;
    private final long[] credited;
    private final long[] amounts;
    private final boolean[] attributed;
    private final Explainer explainer;
    /** The explainer's deal attribution once fetched (an immutable record; fetched under its lock). */
    private volatile Attribution attribution;
    private final CreditBatch batch;
    private final int unplannedLines;
    private final long firstDay;
    private final LocalDate[] days;

    CompensationRun(PlanVersion plan, Period period, Roster roster, long[] credited, long[] amounts,
                    boolean[] attributed, Explainer explainer, CreditBatch batch, int unplannedLines) {
        this.plan = plan;
        this.period = period;
        this.participants = roster.participants();
        this.position = roster.index;
        this.credited = credited;
        this.amounts = amounts;
        this.attributed = attributed;
        this.explainer = explainer;
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
        int c = plan.components().size();
        // one line (the usual plan) straight into List.of(E), which keeps its element without an array
        List<PeriodEarnings.ComponentEarning> lines;
        if (c == 1) {
            lines = List.of(line(who, 0, 1));
        } else {
            PeriodEarnings.ComponentEarning[] each = new PeriodEarnings.ComponentEarning[c];
            for (int ci = 0; ci < c; ci++) {
                each[ci] = line(who, ci, c);
            }
            lines = List.of(each);
        }
        return new PeriodEarnings(position.id(who), period, plan.currency(), plan.planId(), plan.version(), lines,
                new DealPayoutList(this, who));
    }

    /** The participant's line for component {@code ci} of {@code c}, its explanation built now. */
    private PeriodEarnings.ComponentEarning line(int who, int ci, int c) {
        PlanComponent component = plan.components().get(ci);
        return new PeriodEarnings.ComponentEarning(component.id(), component.type(), amounts[who * c + ci],
                attributed[who * c + ci], explainer.explain(who, ci));
    }

    /**
     * Every participant's earnings, in participant order: an immutable list over the run that
     * builds each participant's {@link PeriodEarnings} (as {@link #earnings(String)} does) when it
     * is read, so statements are formatted one at a time as a reader goes through them and none
     * is kept that the reader does not keep. Two reads of one element give equal, not identical,
     * statements; copy the list (e.g. {@link List#copyOf}) to build every statement once and keep
     * them. Safe to share between threads, like the run.
     */
    public List<PeriodEarnings> earnings() {
        return new EarningsList(this);
    }

    /** {@link #earnings()}: each element built from the run's columns when it is read. */
    private static final class EarningsList extends AbstractList<PeriodEarnings> implements RandomAccess {
        private final CompensationRun run;

        EarningsList(CompensationRun run) {
            this.run = run;
        }

        @Override
        public PeriodEarnings get(int index) {
            Objects.checkIndex(index, run.participants.size());
            return run.earnings(index);
        }

        @Override
        public int size() {
            return run.participants.size();
        }
    }

    /** Deal {@code d}'s payout under component {@code ci}, built from the columns. */
    private PeriodEarnings.DealPayout dealPayout(int ci, int d) {
        Attribution attribution = attribution();
        long payout = attribution.payouts()[ci][d];
        long base = attribution.bases()[ci][d];
        return new PeriodEarnings.DealPayout(batch.dealIds[attribution.dealOf()[d]], plan.components().get(ci).id(), payout,
                base == 0 ? Optional.empty() : Optional.of(Rate.quotient(payout, base)), day(attribution.dealFirstDay()[d]));
    }

    private Attribution attribution() {
        Attribution known = attribution;
        if (known == null) {
            known = explainer.attribution();
            attribution = known;
        }
        return known;
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
     * A participant's deal payouts as an immutable list over the run's columns: component by
     * component, the deals with a non-zero payout in deal order. Nothing is worked out until the
     * list is first used: then the run's deal attribution (once per run), the size, and on the
     * first {@code get} where each element lies (published through a volatile field, so the list
     * can be shared between threads; the size is an {@code int} computed the same way by any
     * thread). Each element is built when read.
     */
    static final class DealPayoutList extends AbstractList<PeriodEarnings.DealPayout> implements RandomAccess {
        private static final int NOT_COUNTED = -1;
        private final CompensationRun run;
        private final int who;
        private int size = NOT_COUNTED;
        private volatile Slots slots;

        DealPayoutList(CompensationRun run, int who) {
            this.run = run;
            this.who = who;
        }

        @Override
        public PeriodEarnings.DealPayout get(int index) {
            int size = size();
            Objects.checkIndex(index, size);
            Slots known = slots;
            if (known == null) {
                known = new Slots(new int[run.plan.components().size()], new int[size]);
                run.paidDeals(who, known);
                slots = known;
            }
            int ci = 0;
            while (index >= known.componentEnd[ci]) {
                ci++;
            }
            return run.dealPayout(ci, known.deals[index]);
        }

        @Override
        public int size() {
            int counted = size;
            if (counted == NOT_COUNTED) {
                counted = run.paidDeals(who, null);
                size = counted;
            }
            return counted;
        }

        /** The deal slots in list order, and where each component's slots end. */
        private record Slots(int[] componentEnd, int[] deals) {
        }
    }

    /**
     * Counts the participant's deal payouts that are not zero, component by component, and when
     * {@code into} is given records their deal slots and each component's end in it.
     */
    private int paidDeals(int who, DealPayoutList.Slots into) {
        Attribution attribution = attribution();
        int[] dealStart = attribution.dealStart();
        int c = plan.components().size();
        int count = 0;
        for (int ci = 0; ci < c; ci++) {
            long[] payouts = attribution.payouts()[ci];
            if (payouts != null && attributed[who * c + ci]) {
                for (int d = dealStart[who]; d < dealStart[who + 1]; d++) {
                    if (payouts[d] != 0) {
                        if (into != null) {
                            into.deals()[count] = d;
                        }
                        count++;
                    }
                }
            }
            if (into != null) {
                into.componentEnd()[ci] = count;
            }
        }
        return count;
    }

    /**
     * Builds, on request, what the run did not compute up front: a participant's explanation for
     * one component, from the numbers the run kept (so a run over many participants formats text
     * only for the statements asked for), and the deal attribution (so a run whose deal payouts
     * are never read does not group its lines by deal).
     */
    interface Explainer {
        Explanation explain(int participant, int component);

        /** The run's deal attribution, computed on the first call and the same afterwards. */
        Attribution attribution();
    }

    /**
     * Every deal-attributable component's amount split over each participant's deals.
     *
     * @param dealStart    where each participant's deals begin (by participant index; the last entry is the count)
     * @param dealOf       each deal's rank in the batch (its id is {@code batch.dealIds[rank]})
     * @param dealFirstDay each deal's earliest credit date in the period, as an epoch day
     * @param payouts      by component (null when not deal-attributable), each deal's payout in minor units
     * @param bases        by component, the weight each deal's payout was split by (its credited amount)
     */
    record Attribution(int[] dealStart, int[] dealOf, long[] dealFirstDay, long[][] payouts, long[][] bases) {
    }

    private int index(String participantId) {
        int who = participantId == null ? ParticipantIndex.ABSENT : position.positionOf(participantId);
        if (who == ParticipantIndex.ABSENT) {
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
