package dev.saleskernel.target;

import static dev.saleskernel.target.Plans.ALICE;
import static dev.saleskernel.target.Plans.AT;
import static dev.saleskernel.target.Plans.assertSumsHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Extreme amounts, weights and commitments (0, 1, around {@link TargetPlan#MAX_AMOUNT} and
 * {@link Long#MAX_VALUE}, random large values): no operation ever throws; an accepted one keeps
 * every parent equal to the sum of its children, a refused one changes nothing.
 */
class OverflowProperties {
    private static final int EXAMPLES = 1000;
    private static final long MAX = TargetPlan.MAX_AMOUNT;

    private static long extreme(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> MAX;
            case 3 -> MAX - random.nextInt(3);
            case 4 -> Long.MAX_VALUE;
            case 5 -> MAX / 2 + random.nextInt(3) - 1;
            case 6 -> Long.MAX_VALUE - random.nextInt(1000);
            default -> random.nextLong() & Long.MAX_VALUE;
        };
    }

    private static BigDecimal extremeWeight(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Decomposer.MAX_WEIGHT;
            case 1 -> Decomposer.MAX_WEIGHT.subtract(new BigDecimal("0.000001").multiply(BigDecimal.valueOf(random.nextInt(1000))));
            case 2 -> BigDecimal.valueOf(random.nextInt(1000), random.nextInt(7));
            default -> BigDecimal.ONE;
        };
    }

    private static Either<Rejected, Change<TargetPlan>> extremeOperation(TargetPlan plan, Random random) {
        List<TargetNode> nodes = plan.nodes();
        String id = nodes.get(random.nextInt(nodes.size())).id();
        return switch (random.nextInt(7)) {
            case 0, 1 -> plan.setAmount(id, extreme(random), "dispute", ALICE, AT);
            case 2 -> plan.submitCommitment(id, extreme(random), ALICE, AT);
            case 3 -> plan.reconcile(id, new Reconciliation.ScaleToTopDown(), "scale", ALICE, AT);
            case 4 -> plan.reconcile(id, new Reconciliation.AcceptBottomUp(), "accept", ALICE, AT);
            case 5 -> plan.reconcile(id, new Reconciliation.Blend(BigDecimal.valueOf(random.nextInt(1_000_001), 6)), "blend", ALICE, AT);
            default -> plan.unlock(id, "release", ALICE, AT);
        };
    }

    @Test
    void no_plan_operation_on_extreme_amounts_throws_and_every_accepted_one_keeps_the_sums_exact() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Either<Rejected, Change<TargetPlan>> created = TargetPlan.create(Plans.ACME, "p", "extreme",
                    Plans.revenue(extreme(random), "company"), "Company", Optional.empty(), Optional.of(extreme(random)),
                    SmartCheck.DEFAULT_MAX_GROWTH, ALICE, AT);
            if (created.isLeft()) {
                assertThat(created.getLeft().has(TargetRejection.AMOUNT_OUT_OF_RANGE)).isTrue();
                return;
            }
            TargetPlan plan = created.get().state();
            int n = 1 + random.nextInt(12);
            List<TargetPlan.Child> children = new ArrayList<>();
            Map<String, BigDecimal> weights = new HashMap<>();
            for (int i = 0; i < n; i++) {
                children.add(new TargetPlan.Child("c" + i, "c" + i));
                weights.put("c" + i, extremeWeight(random));
            }
            Either<Rejected, Change<TargetPlan>> split = plan.split("company", Dimension.REGION, children,
                    new Strategy.Weights(weights), ALICE, AT);
            if (split.isLeft()) {
                assertThat(split.getLeft().has(TargetRejection.WEIGHTS_ALL_ZERO)).as(split.getLeft().toString()).isTrue();
                return;
            }
            plan = split.get().state();
            assertSumsHold(plan);
            for (int step = 0; step < 8; step++) {
                String before = plan.toString();
                Either<Rejected, Change<TargetPlan>> result = extremeOperation(plan, random);
                assertThat(plan.toString()).as("a command never changes the plan it ran on").isEqualTo(before);
                if (result.isRight()) {
                    plan = result.get().state();
                    assertSumsHold(plan);
                    plan.gaps();
                }
            }
        });
    }

    @Test
    void facts_a_ledger_accepts_always_credit_exactly_and_nothing_on_extreme_facts_throws() {
        OrgStructure org = OrgStructure.empty(TenantId.of("acme"));
        Attainment.Filter filter = Attainment.Filter.of(Metric.REVENUE, FiscalCalendar.CALENDAR_YEAR.year(2026).range());
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Actuals ledger = Actuals.empty();
            List<ActualFact> offered = new ArrayList<>();
            Map<String, BigInteger> exact = new HashMap<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                long amount = random.nextBoolean() ? extreme(random) : -extreme(random);
                List<ActualFact.Credit> credits = random.nextBoolean()
                        ? List.of(new ActualFact.Credit("ann", BigDecimal.ONE))
                        : List.of(new ActualFact.Credit("ann", new BigDecimal("0.4")), new ActualFact.Credit("bo", new BigDecimal("0.6")));
                ActualFact fact = new ActualFact("f" + i, Metric.REVENUE, amount, LocalDate.of(2026, 5, 1), "team", "cloud",
                        "DIRECT", credits, Optional.empty());
                offered.add(fact);
                Either<Rejected, Actuals> recorded = ledger.record(fact);
                if (recorded.isRight()) {
                    ledger = recorded.get();
                    long[] parts = credits.size() == 1 ? new long[] {amount} : fact.creditedAmounts();
                    for (int c = 0; c < credits.size(); c++) {
                        exact.merge(credits.get(c).memberId(), BigInteger.valueOf(parts[c]), BigInteger::add);
                    }
                } else {
                    assertThat(recorded.getLeft().has(TargetRejection.AMOUNT_OUT_OF_RANGE)).isTrue();
                }
            }
            Attainment.Credited credited = Attainment.creditChecked(ledger.facts(), org, filter)
                    .getOrElseThrow(r -> new AssertionError("a ledger's facts always fit: " + r));
            exact.forEach((member, total) -> assertThat(BigInteger.valueOf(credited.member(member))).isEqualTo(total));
            Either<Rejected, Attainment.Credited> anyIterable = Attainment.creditChecked(offered, org, filter);
            if (anyIterable.isLeft()) {
                assertThat(anyIterable.getLeft().has(TargetRejection.AMOUNT_OUT_OF_RANGE)).isTrue();
            }
        });
    }
}
