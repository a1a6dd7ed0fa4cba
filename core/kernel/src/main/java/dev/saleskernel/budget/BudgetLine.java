package dev.saleskernel.budget;

import dev.saleskernel.period.Period;
import java.util.Objects;

/**
 * One budget line: a cost category for one leaf org unit over one period.
 *
 * @param id       {@code category/unitId/periodLabel}, e.g. {@code market-promotion/east/FY2026-M01}
 * @param amount   the budget, in minor units of the budget's currency, never negative
 * @param policy   the control applied to spend on this line
 */
public record BudgetLine(String id, CostCategory category, String unitId, Period period, long amount,
                         ControlPolicy policy) {
    public BudgetLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(policy, "policy");
    }

    /** The id of the line of {@code category} × {@code unitId} × {@code period}. */
    public static String idOf(CostCategory category, String unitId, Period period) {
        return category.code() + "/" + unitId + "/" + period.label();
    }

    /** The key of the line's category × unit, shared by the lines of every period. */
    public String cell() {
        return category.code() + "/" + unitId;
    }

    BudgetLine withAmount(long next) {
        return new BudgetLine(id, category, unitId, period, next, policy);
    }

    BudgetLine withPolicy(ControlPolicy next) {
        return new BudgetLine(id, category, unitId, period, amount, next);
    }
}
