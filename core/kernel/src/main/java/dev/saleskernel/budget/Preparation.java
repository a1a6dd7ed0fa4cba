package dev.saleskernel.budget;

import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.target.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a budget is prepared top-down, exactly as targets are decomposed
 * ({@link dev.saleskernel.target.Decomposer}): {@code total} is split over {@code categories} by
 * {@code categorySplit} (weights keyed by category code); each category's amount down the unit
 * tree, every parent over its children by {@code unitSplits.get(parentId)} (weights keyed by
 * unit id; {@link Strategy.Equal} when absent); each leaf unit's amount over the periods of
 * {@code grain} by {@code periodSplit} (weights keyed by period label, or a seasonality profile).
 * Every split is largest remainder, so every level sums exactly to its parent.
 *
 * @param total    the whole budget, minor units of the budget's currency, 0..{@link Budget#MAX_AMOUNT}
 * @param units    the org tree, parents before children, exactly one root
 * @param policy   the control policy every line starts with
 */
public record Preparation(long total, List<CostCategory> categories, Strategy categorySplit, List<BudgetUnit> units,
                          Map<String, Strategy> unitSplits, PeriodKind grain, Strategy periodSplit, ControlPolicy policy) {
    public Preparation {
        categories = List.copyOf(categories);
        Objects.requireNonNull(categorySplit, "categorySplit");
        units = List.copyOf(units);
        unitSplits = Map.copyOf(unitSplits);
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(periodSplit, "periodSplit");
        Objects.requireNonNull(policy, "policy");
    }
}
