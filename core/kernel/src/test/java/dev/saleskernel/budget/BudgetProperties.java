package dev.saleskernel.budget;

import static dev.saleskernel.budget.Budgets.ACME;
import static dev.saleskernel.budget.Budgets.ALICE;
import static dev.saleskernel.budget.Budgets.AT;
import static dev.saleskernel.budget.Budgets.BOB;
import static dev.saleskernel.budget.Budgets.CNY;
import static dev.saleskernel.budget.Budgets.FY2026;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.target.Decomposer;
import dev.saleskernel.target.Strategy;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Budget invariants over random trees, weights, facts and revisions, 1,000 examples each. */
class BudgetProperties {
    private static final int EXAMPLES = 1000;
    private static final List<CostCategory> CATEGORIES = List.of(CostCategory.SALES_EXPENSES, CostCategory.MARKET_PROMOTION,
            CostCategory.CHANNEL_MAINTENANCE, CostCategory.of("host-travel"));

    /** A random tree of up to 7 units, parents first. */
    private static List<BudgetUnit> randomUnits(Random random) {
        List<BudgetUnit> units = new ArrayList<>();
        units.add(BudgetUnit.root("u0", "Root"));
        int n = 1 + random.nextInt(7);
        for (int i = 1; i < n; i++) {
            units.add(BudgetUnit.child("u" + i, "u" + random.nextInt(i), "Unit " + i));
        }
        return units;
    }

    private static Budget randomBudget(Random random, long total, ControlPolicy policy) {
        List<CostCategory> categories = CATEGORIES.subList(0, 1 + random.nextInt(CATEGORIES.size()));
        Map<String, BigDecimal> weights = new HashMap<>();
        categories.forEach(c -> weights.put(c.code(), BigDecimal.valueOf(1 + random.nextInt(1000), random.nextInt(3))));
        List<BudgetUnit> units = randomUnits(random);
        Map<String, Strategy> unitSplits = new HashMap<>();
        for (BudgetUnit unit : units) {
            if (units.stream().anyMatch(u -> u.parentId().equals(java.util.Optional.of(unit.id()))) && random.nextBoolean()) {
                Map<String, Long> history = new HashMap<>();
                units.stream().filter(u -> u.parentId().equals(java.util.Optional.of(unit.id())))
                        .forEach(u -> history.put(u.id(), 1L + random.nextInt(1_000_000)));
                unitSplits.put(unit.id(), new Strategy.HistoricalShare(history));
            }
        }
        PeriodKind grain = List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR).get(random.nextInt(4));
        Preparation p = new Preparation(total, categories, new Strategy.Weights(weights), units, unitSplits, grain,
                new Strategy.Equal(), policy);
        return Budgets.ok(Budget.prepare(ACME, "b", "random", CNY, FY2026, p, ALICE, AT));
    }

    private static Budget approve(Budget draft) {
        return Budgets.ok(Budgets.ok(draft.propose("r", ALICE, AT)).approve(BOB, AT));
    }

    @Test
    void a_prepared_budget_sums_exactly_to_its_total_at_every_level_of_the_decomposition() {
        qt().withExamples(EXAMPLES).forAll(longs().between(0, Budget.MAX_AMOUNT), longs().all()).checkAssert((total, seed) -> {
            Random random = new Random(seed);
            Budget budget = randomBudget(random, total, ControlPolicy.STRICT);
            VarianceReport report = VarianceReport.of(budget);

            assertThat(budget.total()).isEqualTo(total);
            assertThat(report.byCategory().stream().mapToLong(VarianceReport.Row::budget).sum()).isEqualTo(total);
            assertThat(report.unit("u0").orElseThrow().budget()).isEqualTo(total);
            for (BudgetUnit unit : budget.units()) {
                List<BudgetUnit> children = budget.children(unit.id());
                if (!children.isEmpty()) {
                    long sum = children.stream().mapToLong(c -> report.unit(c.id()).orElseThrow().budget()).sum();
                    assertThat(sum).as("children of %s", unit.id()).isEqualTo(report.unit(unit.id()).orElseThrow().budget());
                }
            }
        });
    }

    @Test
    void the_category_and_unit_splits_are_exactly_the_target_decomposers_splits() {
        qt().withExamples(EXAMPLES).forAll(longs().between(0, Budget.MAX_AMOUNT), longs().all()).checkAssert((total, seed) -> {
            Random random = new Random(seed);
            long[] weights = {1 + random.nextInt(1000), 1 + random.nextInt(1000), random.nextInt(1000)};
            long[] history = {1 + random.nextInt(1_000_000), random.nextInt(1_000_000)};
            List<CostCategory> categories = CATEGORIES.subList(0, 3);
            Map<String, BigDecimal> byCode = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                byCode.put(categories.get(i).code(), BigDecimal.valueOf(weights[i]));
            }
            Preparation p = new Preparation(total, categories, new Strategy.Weights(byCode), Budgets.units(),
                    Map.of("company", new Strategy.HistoricalShare(Map.of("east", history[0], "west", history[1]))),
                    PeriodKind.QUARTER, new Strategy.Equal(), ControlPolicy.STRICT);
            Budget budget = Budgets.ok(Budget.prepare(ACME, "b", "split", CNY, FY2026, p, ALICE, AT));
            VarianceReport report = VarianceReport.of(budget);

            long[] expected = Decomposer.proportional(total, weights);
            assertThat(report.byCategory().stream().mapToLong(VarianceReport.Row::budget).toArray()).containsExactly(expected);
            long[] east = new long[3];
            for (int i = 0; i < 3; i++) {
                east[i] = Decomposer.proportional(expected[i], history)[0];
                long[] quarters = Decomposer.proportional(east[i], new long[] {1, 1, 1, 1});
                for (int q = 0; q < 4; q++) {
                    assertThat(budget.line(categories.get(i).code() + "/east/FY2026-Q" + (q + 1)).orElseThrow().amount())
                            .isEqualTo(quarters[q]);
                }
            }
            assertThat(report.unit("east").orElseThrow().budget()).isEqualTo(east[0] + east[1] + east[2]);
        });
    }

    @Test
    void approved_transfers_never_change_the_total_and_refused_ones_change_nothing() {
        qt().withExamples(EXAMPLES).forAll(longs().between(0, 1_000_000_000L), longs().all()).checkAssert((total, seed) -> {
            Random random = new Random(seed);
            Budget budget = approve(randomBudget(random, total, ControlPolicy.NONE));
            List<BudgetLine> lines = budget.lines();
            for (int i = 0; i < 10; i++) {
                BudgetLine from = lines.get(random.nextInt(lines.size()));
                BudgetLine to = lines.get(random.nextInt(lines.size()));
                if (random.nextInt(3) == 0) {
                    budget = Budgets.ok(budget.spend("s" + i, from.category(), from.unitId(), from.period().start(),
                            1 + random.nextInt(1_000_000), "x", ALICE, AT));
                }
                long amount = random.nextInt(4) == 0 ? -random.nextInt(10) : random.nextInt(1 + (int) Math.min(from.amount() * 2
                        + 1, 1_000_000_000L));
                Budget before = budget;
                Either<Rejected, Change<Budget>> proposed = budget.proposeTransfer("t" + i, from.id(), to.id(), amount, "move",
                        ALICE, AT);
                if (proposed.isLeft()) {
                    assertThat(before.total()).isEqualTo(total);
                    continue;
                }
                Either<Rejected, Change<Budget>> approved = proposed.get().state().approveRevision("t" + i, BOB, AT);
                budget = approved.get().state();
                assertThat(budget.total()).isEqualTo(total);
                assertThat(budget.figures(from.id()).budget()).isGreaterThanOrEqualTo(budget.figures(from.id()).used());
            }
            assertThat(budget.total()).isEqualTo(total);
        });
    }

    @Test
    void recording_the_same_fact_twice_is_the_same_as_recording_it_once() {
        qt().withExamples(EXAMPLES).forAll(longs().between(1, 100_000_000L), longs().all()).checkAssert((amount, seed) -> {
            Random random = new Random(seed);
            Budget budget = approve(randomBudget(random, 1_000_000_000L, ControlPolicy.of(ControlPolicy.Action.WARN,
                    ControlPolicy.Action.WARN)));
            BudgetLine line = budget.lines().get(random.nextInt(budget.lines().size()));
            BudgetFact fact = new BudgetFact("f-" + seed, random.nextBoolean() ? BudgetFact.Kind.COMMITMENT : BudgetFact.Kind.ACTUAL,
                    line.category(), line.unitId(), line.period().start().plusDays(random.nextInt(28)), amount, "", "x");

            Budget once = Budgets.ok(budget.record(fact, ALICE, AT));
            Change<Budget> twice = once.record(fact, BOB, AT).get();

            assertThat(twice.changedNothing()).isTrue();
            assertThat(twice.state()).isSameAs(once);
            assertThat(twice.state().figures(line.id())).isEqualTo(once.figures(line.id()));
            BudgetFact other = new BudgetFact(fact.sourceId(), fact.kind(), fact.category(), fact.unitId(), fact.date(),
                    amount + 1, "", "x");
            assertThat(once.record(other, ALICE, AT).getLeft().has(BudgetRejection.FACT_CONFLICT)).isTrue();
        });
    }

    @Test
    void remaining_is_always_budget_minus_committed_minus_actual_per_line_and_year_to_date() {
        qt().withExamples(EXAMPLES).forAll(longs().between(0, 100_000_000L), longs().all()).checkAssert((total, seed) -> {
            Random random = new Random(seed);
            ControlPolicy.Action[] actions = ControlPolicy.Action.values();
            Budget budget = approve(randomBudget(random, total, ControlPolicy.of(actions[random.nextInt(3)],
                    actions[random.nextInt(3)])));
            List<BudgetLine> lines = budget.lines();
            Map<String, long[]> model = new HashMap<>();
            List<String> commitments = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                BudgetLine line = lines.get(random.nextInt(lines.size()));
                LocalDate date = line.period().start();
                long amount = 1 + random.nextInt(5_000_000);
                int op = random.nextInt(4);
                Either<Rejected, Change<Budget>> result;
                String id = "f" + i;
                if (op == 0) {
                    result = budget.commit(id, line.category(), line.unitId(), date, amount, "po", ALICE, AT);
                } else if (op == 1) {
                    result = budget.spend(id, line.category(), line.unitId(), date, amount, "inv", ALICE, AT);
                } else if (commitments.isEmpty()) {
                    continue;
                } else {
                    String c = commitments.get(random.nextInt(commitments.size()));
                    long open = budget.openCommitment(c).orElseThrow();
                    amount = open == 0 ? 1 : 1 + random.nextInt((int) Math.min(open, Integer.MAX_VALUE - 1));
                    result = op == 2 ? budget.release(id, c, date, amount, "rel", ALICE, AT)
                            : budget.convert(id, c, date, amount, "conv", ALICE, AT);
                }
                if (result.isLeft()) {
                    continue;
                }
                budget = result.get().state();
                BudgetFact fact = budget.fact(id).orElseThrow();
                String lineId = budget.lineFor(fact.category(), fact.unitId(),
                        fact.kind() == BudgetFact.Kind.COMMITMENT || fact.kind() == BudgetFact.Kind.ACTUAL ? fact.date()
                                : budget.fact(fact.commitmentId()).orElseThrow().date()).orElseThrow().id();
                long[] m = model.computeIfAbsent(lineId, k -> new long[2]);
                m[0] += fact.committedDelta();
                m[1] += fact.actualDelta();
                if (fact.kind() == BudgetFact.Kind.COMMITMENT) {
                    commitments.add(id);
                }
            }
            for (BudgetLine line : budget.lines()) {
                Figures f = budget.figures(line.id());
                long[] m = model.getOrDefault(line.id(), new long[2]);
                assertThat(f.committed()).isEqualTo(m[0]);
                assertThat(f.actual()).isEqualTo(m[1]);
                assertThat(budget.remaining(line.id())).isEqualTo(line.amount() - m[0] - m[1]);
                Figures ytd = budget.yearToDate(line.id());
                assertThat(budget.remainingYearToDate(line.id())).isEqualTo(ytd.budget() - ytd.committed() - ytd.actual());
                assertThat(VarianceReport.of(budget).line(line.id()).orElseThrow().remaining()).isEqualTo(f.remaining());
            }
        });
    }
}
