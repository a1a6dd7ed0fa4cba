package dev.saleskernel.target;

import dev.saleskernel.period.Period;
import java.util.Map;
import java.util.Objects;

/**
 * A target as a SMART statement: what is measured, in which unit, how much, over which period,
 * for which node, cut along which dimensions.
 *
 * @param amount     in the unit's smallest step (minor units of money, or a count)
 * @param owner      the org node (unit or member id) the target belongs to
 * @param dimensions the other cuts, e.g. {@code PRODUCT_LINE → "cloud"}
 */
public record Target(Metric metric, TargetUnit unit, long amount, Period period, String owner,
                     Map<Dimension, String> dimensions) {
    public Target {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(owner, "owner");
        dimensions = Map.copyOf(dimensions);
    }
}
