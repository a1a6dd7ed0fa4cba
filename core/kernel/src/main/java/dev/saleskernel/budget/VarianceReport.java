package dev.saleskernel.budget;

import dev.saleskernel.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Budget against use, per line and summed per cost category, per org unit (rolled up the
 * budget's unit tree: a unit's row is the sum of every line of its leaf descendants) and per
 * period. Amounts are minor units of the budget's currency.
 *
 * <p>For each row: {@code remaining = budget − committed − actual};
 * {@code variance = budget − actual} (positive: under budget, negative: overspent);
 * {@code variancePercent = variance ÷ budget × 100}, rounded HALF_EVEN to 2 decimal places, and
 * {@link Percent.Undefined} with its reason when the budget is 0 (never 0, never NaN).
 */
public final class VarianceReport {
    /** Decimal places of {@link Percent.Defined}. */
    public static final int PERCENT_SCALE = 2;

    private final Budget budget;

    private VarianceReport(Budget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    public static VarianceReport of(Budget budget) {
        return new VarianceReport(budget);
    }

    /** A percentage, or why there is none. */
    public sealed interface Percent {
        /** A defined percentage, e.g. {@code 12.50} for 12.5 %. */
        record Defined(BigDecimal value) implements Percent {
            public Defined {
                Objects.requireNonNull(value, "value");
            }
        }

        /** No percentage: the denominator is zero, with the reason for people. */
        record Undefined(String reason) implements Percent {
            public Undefined {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /**
     * One row of the report.
     *
     * @param key             the line id, category code, unit id or period label
     * @param figures         budget, committed and actual
     * @param variance        {@code budget − actual}
     * @param variancePercent {@code variance ÷ budget × 100} (2 decimals, HALF_EVEN), undefined when the budget is 0
     */
    public record Row(String key, Figures figures, long variance, Percent variancePercent) {
        public Row {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(figures, "figures");
            Objects.requireNonNull(variancePercent, "variancePercent");
        }

        static Row of(String key, Figures f) {
            long variance = f.budget() - f.actual();
            Percent percent = f.budget() == 0
                    ? new Percent.Undefined("the budget is 0, so a variance has no percentage")
                    : new Percent.Defined(BigDecimal.valueOf(variance).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(f.budget()), PERCENT_SCALE, RoundingMode.HALF_EVEN));
            return new Row(key, f, variance, percent);
        }

        public long budget() {
            return figures.budget();
        }

        public long committed() {
            return figures.committed();
        }

        public long actual() {
            return figures.actual();
        }

        /** {@code budget − committed − actual}. */
        public long remaining() {
            return figures.remaining();
        }
    }

    /** Every line, in the budget's order. */
    public List<Row> lines() {
        return budget.lines().stream().map(l -> Row.of(l.id(), budget.figures(l.id()))).toList();
    }

    public Optional<Row> line(String lineId) {
        return budget.line(lineId).map(l -> Row.of(lineId, budget.figures(lineId)));
    }

    /** One row per cost category, in the order the categories first appear. */
    public List<Row> byCategory() {
        return grouped(l -> l.category().code());
    }

    /** One row per period, in time order. */
    public List<Row> byPeriod() {
        List<BudgetLine> sorted = new ArrayList<>(budget.lines());
        sorted.sort((a, b) -> a.period().start().compareTo(b.period().start()));
        return grouped(sorted, l -> l.period().label());
    }

    /** One row per org unit, parents first, each the sum over its leaf descendants' lines. */
    public List<Row> byUnit() {
        Map<String, Figures> own = new LinkedHashMap<>();
        for (BudgetLine line : budget.lines()) {
            own.merge(line.unitId(), budget.figures(line.id()), Figures::plus);
        }
        List<Row> rows = new ArrayList<>();
        for (BudgetUnit unit : budget.units()) {
            rows.add(Row.of(unit.id(), rolledUp(unit.id(), own)));
        }
        return rows;
    }

    /** The row of one unit, rolled up over its descendants. */
    public Optional<Row> unit(String unitId) {
        return byUnit().stream().filter(r -> r.key().equals(unitId)).findFirst();
    }

    /** The accumulated row of one line: every line of its category and unit up to and including its period. */
    public Optional<Row> yearToDate(String lineId) {
        return budget.line(lineId).map(l -> Row.of(lineId, budget.yearToDate(lineId)));
    }

    /** The whole budget in one row. */
    public Row total() {
        Figures sum = Figures.ZERO;
        for (BudgetLine line : budget.lines()) {
            sum = sum.plus(budget.figures(line.id()));
        }
        return Row.of(budget.budgetId(), sum);
    }

    /** One row per period label for a cut: e.g. the periods of one category and unit. */
    public List<Row> byPeriod(CostCategory category, String unitId) {
        return grouped(budget.lines().stream().filter(l -> l.category().equals(category) && l.unitId().equals(unitId))
                .sorted((a, b) -> a.period().start().compareTo(b.period().start())).toList(), l -> l.period().label());
    }

    private Figures rolledUp(String unitId, Map<String, Figures> own) {
        Figures sum = own.getOrDefault(unitId, Figures.ZERO);
        for (BudgetUnit child : budget.children(unitId)) {
            sum = sum.plus(rolledUp(child.id(), own));
        }
        return sum;
    }

    private List<Row> grouped(Function<BudgetLine, String> key) {
        return grouped(budget.lines(), key);
    }

    private List<Row> grouped(List<BudgetLine> lines, Function<BudgetLine, String> key) {
        Map<String, Figures> sums = new LinkedHashMap<>();
        for (BudgetLine line : lines) {
            sums.merge(key.apply(line), budget.figures(line.id()), Figures::plus);
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((k, f) -> rows.add(Row.of(k, f)));
        return rows;
    }

    /** The period of a {@link #byPeriod()} row's label, if any line has it. */
    public Optional<Period> periodOf(String label) {
        return budget.lines().stream().map(BudgetLine::period).filter(p -> p.label().equals(label)).findFirst();
    }
}
