package dev.saleskernel.benchmarks;

import dev.saleskernel.budget.Budget;
import dev.saleskernel.budget.BudgetLine;
import dev.saleskernel.budget.BudgetUnit;
import dev.saleskernel.budget.ControlPolicy;
import dev.saleskernel.budget.CostCategory;
import dev.saleskernel.budget.Preparation;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.Strategy;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording n spend facts one by one into an approved budget (3 categories × 8 leaf units × 12
 * months = 288 lines, STOP on the period and the year to date), every fact idempotency-checked
 * and controlled, about 5 % refused at the end as lines fill up: the library's immutable
 * {@link Budget#spend} (a new state per fact, events, refusals with their figures) beside the
 * hand-written array loop of {@link BudgetBaselines} doing the same checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BudgetControlBenchmark {
    static final ActorId ACTOR = ActorId.of("importer");
    static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    static final List<CostCategory> CATEGORIES = List.of(CostCategory.SALES_EXPENSES, CostCategory.MARKET_PROMOTION,
            CostCategory.CHANNEL_MAINTENANCE);

    @Param({"100000", "1000000"})
    int facts;

    Budget approved;
    String[] sourceIds;
    CostCategory[] categories;
    String[] units;
    LocalDate[] dates;
    long[] amounts;
    long[] days;
    String[] cellKeys;
    long[] lineBudget;
    long[] lineStartDay;
    long[] lineEndDay;
    Map<String, int[]> cells;
    List<String> lineIds;

    @Setup
    public void setUp() {
        List<BudgetUnit> tree = new ArrayList<>();
        tree.add(BudgetUnit.root("company", "Company"));
        for (int b = 0; b < 2; b++) {
            tree.add(BudgetUnit.child("b" + b, "company", "Branch " + b));
            for (int t = 0; t < 4; t++) {
                tree.add(BudgetUnit.child("b" + b + "t" + t, "b" + b, "Team " + t));
            }
        }
        long meanAmount = 2_500;
        long total = facts * meanAmount * 95 / 100;
        Preparation p = new Preparation(total, CATEGORIES, new Strategy.Equal(), tree, Map.of(), PeriodKind.MONTH,
                new Strategy.Equal(), ControlPolicy.STRICT);
        Budget draft = Budget.prepare(TenantId.of("bench"), "b", "bench", Currency.getInstance("CNY"),
                FiscalCalendar.CALENDAR_YEAR.year(2026), p, ACTOR, AT).get().state();
        approved = draft.propose("r", ACTOR, AT).get().state().approve(ActorId.of("approver"), AT).get().state();
        List<String> leaves = tree.stream().map(BudgetUnit::id).filter(id -> id.contains("t")).toList();
        sourceIds = new String[facts];
        categories = new CostCategory[facts];
        units = new String[facts];
        dates = new LocalDate[facts];
        amounts = new long[facts];
        days = new long[facts];
        cellKeys = new String[facts];
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < facts; i++) {
            sourceIds[i] = "inv-" + i;
            categories[i] = CATEGORIES.get(i % CATEGORIES.size());
            units[i] = leaves.get((i / CATEGORIES.size()) % leaves.size());
            dates[i] = start.plusDays((i * 31L) % 365);
            amounts[i] = 1 + (i * 7919L) % (2 * meanAmount - 1);
            days[i] = dates[i].toEpochDay();
            cellKeys[i] = categories[i].code() + "/" + units[i];
        }
        List<BudgetLine> lines = approved.lines();
        lineIds = lines.stream().map(BudgetLine::id).toList();
        lineBudget = new long[lines.size()];
        lineStartDay = new long[lines.size()];
        lineEndDay = new long[lines.size()];
        Map<String, List<Integer>> byCell = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            BudgetLine line = lines.get(i);
            lineBudget[i] = line.amount();
            lineStartDay[i] = line.period().start().toEpochDay();
            lineEndDay[i] = line.period().endExclusive().toEpochDay();
            byCell.computeIfAbsent(line.cell(), k -> new ArrayList<>()).add(i);
        }
        cells = new HashMap<>();
        byCell.forEach((k, v) -> cells.put(k, v.stream().sorted((a, b) -> Long.compare(lineStartDay[a], lineStartDay[b]))
                .mapToInt(Integer::intValue).toArray()));
    }

    /** The library: every fact through {@link Budget#spend}, keeping each accepted state. */
    @Benchmark
    public Budget library_spend_fact_by_fact() {
        Budget budget = approved;
        for (int i = 0; i < facts; i++) {
            Either<Rejected, Change<Budget>> result = budget.spend(sourceIds[i], categories[i], units[i], dates[i], amounts[i],
                    "", ACTOR, AT);
            if (result.isRight()) {
                budget = result.get().state();
            }
        }
        return budget;
    }

    @Benchmark
    public BudgetBaselines.Outcome baseline_hand_written_arrays() {
        return BudgetBaselines.record(lineBudget, lineStartDay, lineEndDay, cells, sourceIds, cellKeys, days, amounts);
    }
}
