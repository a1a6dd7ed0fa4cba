package dev.saleskernel.compensation;

import dev.saleskernel.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link CommissionCalculator#run}: every participant's earnings in the period,
 * held column-wise and materialised as {@link PeriodEarnings} on request. Immutable.
 *
 * <p>Every amount is minor units of the plan currency. For each participant and deal-attributable
 * component, the {@link PeriodEarnings.DealPayout}s sum exactly to the component's amount; their
 * rate is {@code payout ÷ the deal's credited amount} at scale 6, HALF_EVEN.
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
    private final int[] dealLine;
    private final long[] dealNet;
    private final long[] dealFirstDay;
    private final long[][] dealPayouts;
    private final long[][] dealBases;
    private final CreditBatch batch;
    private final int unplannedLines;

    CompensationRun(PlanVersion plan, Period period, List<Participant> participants, long[] credited, long[] amounts,
                    boolean[] attributed, Explanation[] explanations, Explainer explainer, int[] dealStart, int[] dealLine, long[] dealNet,
                    long[] dealFirstDay, long[][] dealPayouts, long[][] dealBases, CreditBatch batch, int unplannedLines) {
        this.plan = plan;
        this.period = period;
        this.participants = List.copyOf(participants);
        this.position = new HashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            position.put(participants.get(i).id(), i);
        }
        this.credited = credited;
        this.amounts = amounts;
        this.attributed = attributed;
        this.explanations = explanations;
        this.explainer = explainer;
        this.dealStart = dealStart;
        this.dealLine = dealLine;
        this.dealNet = dealNet;
        this.dealFirstDay = dealFirstDay;
        this.dealPayouts = dealPayouts;
        this.dealBases = dealBases;
        this.batch = batch;
        this.unplannedLines = unplannedLines;
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

    /** The participant's earnings, with explanations and deal payouts. */
    public PeriodEarnings earnings(String participantId) {
        int who = index(participantId);
        List<PlanComponent> components = plan.components();
        int c = components.size();
        List<PeriodEarnings.ComponentEarning> lines = new ArrayList<>(c);
        List<PeriodEarnings.DealPayout> payouts = new ArrayList<>();
        for (int ci = 0; ci < c; ci++) {
            PlanComponent component = components.get(ci);
            Explanation explanation = explanations[who * c + ci];
            lines.add(new PeriodEarnings.ComponentEarning(component.id(), component.type(), amounts[who * c + ci],
                    attributed[who * c + ci], explanation != null ? explanation : explainer.explain(who, ci)));
            if (dealPayouts[ci] == null || !attributed[who * c + ci]) {
                continue;
            }
            for (int d = dealStart[who]; d < dealStart[who + 1]; d++) {
                long payout = dealPayouts[ci][d];
                if (payout == 0) {
                    continue;
                }
                long base = dealBases[ci][d];
                Optional<BigDecimal> rate = base == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(payout)
                        .divide(BigDecimal.valueOf(base), 6, RoundingMode.HALF_EVEN));
                payouts.add(new PeriodEarnings.DealPayout(batch.dealIds[batch.deal[dealLine[d]]], component.id(), payout,
                        rate, LocalDate.ofEpochDay(dealFirstDay[d])));
            }
        }
        return new PeriodEarnings(participantId, period, plan.currency(), plan.planId(), plan.version(), lines, payouts);
    }

    /** Every participant's earnings, in participant order. */
    public List<PeriodEarnings> earnings() {
        return participants.stream().map(p -> earnings(p.id())).toList();
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
