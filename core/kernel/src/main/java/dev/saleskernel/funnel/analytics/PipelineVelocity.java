package dev.saleskernel.funnel.analytics;

import dev.saleskernel.money.Money;
import dev.saleskernel.money.RoundingPolicy;
import java.math.BigDecimal;

/**
 * Pipeline velocity: money expected to close per day.
 *
 * <pre>velocity = open qualified deals × average won deal size × win rate ÷ average sales-cycle days</pre>
 *
 * Computed exactly and rounded once, at the end, with {@link #ROUNDING} (HALF_EVEN to the
 * currency's minor unit): 100 × 50,000.00 × 25% ÷ 60 = 20,833.333… → 20,833.33 per day.
 */
public final class PipelineVelocity {
    public static final RoundingPolicy ROUNDING = RoundingPolicy.DEFAULT;

    private PipelineVelocity() {
    }

    /**
     * @param openQualifiedDeals open deals at or past the qualifying stage
     * @param averageWonDealSize average amount of won deals
     * @param winRate            won ÷ (won + lost), a fraction 0–1
     * @param averageCycleDays   average days from creation to won, greater than zero
     */
    public static Money perDay(long openQualifiedDeals, Money averageWonDealSize, BigDecimal winRate,
                               BigDecimal averageCycleDays) {
        if (averageCycleDays.signum() <= 0) {
            throw new IllegalArgumentException("the average cycle must be longer than zero days");
        }
        BigDecimal numerator = averageWonDealSize.amount().multiply(BigDecimal.valueOf(openQualifiedDeals)).multiply(winRate);
        return ROUNDING.divide(Money.of(numerator, averageWonDealSize.currency()), averageCycleDays);
    }

    /**
     * The same formula from raw sums, so nothing is rounded before the end:
     * deals × (A ÷ W) × (W ÷ (W + L)) ÷ (C ÷ W ÷ 86,400) = deals × A × W × 86,400 ÷ ((W + L) × C),
     * with A the won amount in minor units, W won and L lost deal counts, C the summed cycle
     * seconds; one division, rounded HALF_EVEN to whole minor units.
     */
    static long perDayMinor(long deals, long wonAmountMinor, long won, long lost, long cycleSeconds) {
        BigDecimal numerator = BigDecimal.valueOf(wonAmountMinor).multiply(BigDecimal.valueOf(deals))
                .multiply(BigDecimal.valueOf(won)).multiply(BigDecimal.valueOf(86_400));
        BigDecimal denominator = BigDecimal.valueOf(won + lost).multiply(BigDecimal.valueOf(cycleSeconds));
        return numerator.divide(denominator, 0, ROUNDING.mode()).longValueExact();
    }
}
