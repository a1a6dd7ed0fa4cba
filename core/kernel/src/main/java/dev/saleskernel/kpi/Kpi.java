package dev.saleskernel.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A metric: a formula over the summed {@link Measure measures} of a cell. Built-in metrics are
 * in {@link Kpis}; a host defines its own by implementing this interface, and the cube cuts,
 * rolls up, compares and ranks it with the same machinery, because roll-ups sum the measures
 * and evaluate the formula once on the sums.
 *
 * <p>Implementations must be pure functions of the totals and return
 * {@link KpiValue.Undefined} (never 0) when a denominator is zero; {@link #ratio} does both.
 */
public interface Kpi {
    /** A stable code, e.g. {@code average-order-value}. */
    String code();

    /** What the value is measured in; its scale is the rounding point (HALF_EVEN). */
    KpiUnit unit();

    /** The formula for people, e.g. {@code sales ÷ orders}. */
    String formula();

    /** The value in a cell. */
    KpiValue evaluate(Totals totals);

    /**
     * {@code numerator ÷ denominator} rounded once, HALF_EVEN, to {@code unit}'s scale; undefined
     * ({@link KpiValue.Reason#ZERO_DENOMINATOR}, naming {@code denominatorName}) when the denominator is 0.
     * Money numerators are minor units and come back in major units.
     */
    static KpiValue ratio(BigDecimal numerator, BigDecimal denominator, KpiUnit unit, Totals totals, String denominatorName) {
        if (denominator.signum() == 0) {
            return new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, denominatorName);
        }
        int scale = unit.scale(totals.currency());
        BigDecimal exactNumerator = unit == KpiUnit.MONEY ? numerator.movePointLeft(scale) : numerator;
        return new KpiValue.Defined(exactNumerator.divide(denominator, scale, RoundingMode.HALF_EVEN), exactNumerator, denominator);
    }

    /** A value with no denominator (sums): money in major units, counts as they are. */
    static KpiValue amount(long amount, KpiUnit unit, Totals totals) {
        BigDecimal value = unit == KpiUnit.MONEY ? BigDecimal.valueOf(amount, unit.scale(totals.currency())) : BigDecimal.valueOf(amount);
        return new KpiValue.Defined(value, value, BigDecimal.ONE);
    }
}
