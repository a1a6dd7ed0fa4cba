package dev.saleskernel.compensation;

import dev.saleskernel.period.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one participant earned in one period under one plan version, as the calculator computed it
 * and before settlement (advances, true-up, draws, holds and clawbacks are settlement's work).
 *
 * <p>This is the boundary between calculation and settlement: settlement never recomputes a
 * plan; it compares earnings with what was already paid.
 *
 * <p>Invariant: for every component, the {@link DealPayout}s naming it sum exactly (to the minor
 * unit) to that component's {@link ComponentEarning#amountMinor()} whenever
 * {@link ComponentEarning#dealAttributable()} is true; non-attributable components (team pool,
 * breakthrough bonus, payout curves on total attainment) carry no deal payouts.
 *
 * @param participantId the rep or manager earning
 * @param period        the period the earnings belong to (a month for advances, a quarter or year
 *                      for true-up and annual components)
 * @param currency      the plan's payout currency; all amounts are minor units of it
 * @param planId        the plan
 * @param planVersion   the plan version the earnings were computed under
 * @param components    one entry per plan component, in plan order
 * @param dealPayouts   what each credited deal contributed, for clawbacks (immutable; a
 *                      {@link CompensationRun}'s list builds each element when it is read, so
 *                      two reads give equal, not identical, payouts)
 */
public record PeriodEarnings(String participantId, Period period, Currency currency, String planId, int planVersion,
                             List<ComponentEarning> components, List<DealPayout> dealPayouts) {
    public PeriodEarnings {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(planId, "planId");
        components = List.copyOf(components);
        // a run's deal payouts are already an immutable list over its columns; anything else is copied
        dealPayouts = dealPayouts instanceof CompensationRun.DealPayoutList ? dealPayouts : List.copyOf(dealPayouts);
    }

    /** The sum of all components, in minor units; throws {@link ArithmeticException} on overflow. */
    public long totalMinor() {
        long total = 0;
        for (ComponentEarning component : components) {
            total = Math.addExact(total, component.amountMinor());
        }
        return total;
    }

    /**
     * What one component earned.
     *
     * @param componentId       the component's id in the plan
     * @param componentType     the component's type name as in the plan JSON (e.g. {@code tiered})
     * @param amountMinor       the amount in minor units (negative for adjustments)
     * @param dealAttributable  whether the amount is the exact sum of deal payouts
     * @param explanation       why it is this amount
     */
    public record ComponentEarning(String componentId, String componentType, long amountMinor,
                                   boolean dealAttributable, Explanation explanation) {
        public ComponentEarning {
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(componentType, "componentType");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * What one credited deal contributed to one component in this period.
     *
     * @param dealId       the source transaction's deal id (the clawback key)
     * @param componentId  the component it was paid under
     * @param amountMinor  the payout in minor units
     * @param rate         the effective rate it was paid at (payout ÷ credited amount), scale 6,
     *                     HALF_EVEN; empty when the credited amount was zero
     * @param creditedOn   the date the deal's credit event happened (start of a clawback window)
     */
    public record DealPayout(String dealId, String componentId, long amountMinor, Optional<BigDecimal> rate,
                             LocalDate creditedOn) {
        public DealPayout {
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(creditedOn, "creditedOn");
        }
    }
}
