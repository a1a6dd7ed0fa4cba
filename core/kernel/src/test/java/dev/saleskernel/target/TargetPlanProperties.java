package dev.saleskernel.target;

import static dev.saleskernel.target.Plans.ALICE;
import static dev.saleskernel.target.Plans.AT;
import static dev.saleskernel.target.Plans.assertSumsHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random trees, weights, locks and amounts; random operation sequences. After every operation:
 * every parent equals the sum of its children, locked nodes kept their amounts, and a refusal
 * left the plan exactly as it was.
 */
class TargetPlanProperties {
    private static final int EXAMPLES = 1000;

    /** A random plan: root amount, 1–3 levels of splits over random dimensions and strategies. */
    static TargetPlan randomPlan(Random random) {
        long total = random.nextInt(4) == 0 ? random.nextInt(50) : Math.abs(random.nextLong() % 10_000_000_000L);
        TargetPlan plan = Plans.aPlan(total);
        List<String> frontier = List.of(plan.root().id());
        int levels = 1 + random.nextInt(3);
        for (int level = 0; level < levels; level++) {
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                Either<Rejected, Change<TargetPlan>> split;
                if (level == 1 && random.nextBoolean()) {
                    split = plan.splitOverTime(id, random.nextBoolean() ? PeriodKind.QUARTER : PeriodKind.MONTH,
                            random.nextBoolean() ? new Strategy.Equal() : flatSeasonality(random), ALICE, AT);
                } else {
                    int n = 1 + random.nextInt(5);
                    List<TargetPlan.Child> children = new ArrayList<>();
                    Map<String, BigDecimal> weights = new HashMap<>();
                    for (int i = 0; i < n; i++) {
                        children.add(new TargetPlan.Child("c" + i, "c" + i));
                        weights.put("c" + i, BigDecimal.valueOf(random.nextInt(1000), random.nextInt(3)));
                    }
                    weights.put("c0", weights.get("c0").add(BigDecimal.ONE));
                    split = plan.split(id, dev.saleskernel.target.Dimension.REGION, children,
                            random.nextBoolean() ? new Strategy.Weights(weights) : new Strategy.Equal(), ALICE, AT);
                }
                plan = split.get().state();
                next.addAll(plan.node(id).orElseThrow().children());
            }
            frontier = next;
        }
        return plan;
    }

    private static Strategy.Seasonality flatSeasonality(Random random) {
        BigDecimal[] percentages = new BigDecimal[12];
        BigDecimal rest = BigDecimal.valueOf(100);
        for (int i = 0; i < 11; i++) {
            percentages[i] = BigDecimal.valueOf(random.nextInt(900), 2);
            rest = rest.subtract(percentages[i]);
        }
        percentages[11] = rest;
        return Strategy.Seasonality.of(percentages);
    }

    private static String anyNode(TargetPlan plan, Random random) {
        List<TargetNode> nodes = plan.nodes();
        return nodes.get(random.nextInt(nodes.size())).id();
    }

    private static Map<String, Long> amounts(TargetPlan plan) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        plan.nodes().forEach(n -> amounts.put(n.id(), n.amount()));
        return amounts;
    }

    private static Either<Rejected, Change<TargetPlan>> randomOperation(TargetPlan plan, Random random) {
        String id = anyNode(plan, random);
        long current = plan.node(id).orElseThrow().amount();
        return switch (random.nextInt(6)) {
            case 0, 1 -> plan.setAmount(id, random.nextInt(10) == 0 ? -1 - random.nextInt(5)
                    : random.nextBoolean() ? current + random.nextInt(1000) - 500 : Math.abs(random.nextLong() % 10_000_000_000L),
                    "dispute", ALICE, AT);
            case 2 -> plan.setAmount(plan.root().id(), Math.abs(random.nextLong() % 10_000_000_000L), "new total", ALICE, AT);
            case 3 -> plan.unlock(id, "released", ALICE, AT);
            case 4 -> plan.submitCommitment(id, Math.abs(random.nextLong() % 1_000_000_000L), ALICE, AT);
            default -> plan.reconcile(id, random.nextBoolean() ? new Reconciliation.ScaleToTopDown()
                    : new Reconciliation.KeepTopDown(), "calibration", ALICE, AT);
        };
    }

    @Test
    void every_parent_equals_the_sum_of_its_children_after_every_operation_and_locks_hold() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, 12)).checkAssert((seed, steps) -> {
            Random random = new Random(seed);
            TargetPlan plan = randomPlan(random);
            assertSumsHold(plan);
            for (int step = 0; step < steps; step++) {
                Map<String, Long> amounts = amounts(plan);
                List<ChangeLogEntry> log = plan.changeLog();
                Either<Rejected, Change<TargetPlan>> result = randomOperation(plan, random);
                assertThat(amounts(plan)).as("the plan is immutable").isEqualTo(amounts);
                assertThat(plan.changeLog()).isSameAs(log);
                if (result.isLeft()) {
                    continue;
                }
                TargetPlan after = result.get().state();
                assertSumsHold(after);
                String target = result.get().events().get(0) instanceof TargetEvents.AmountsChanged changed ? changed.nodeId() : "";
                for (TargetNode node : plan.nodes()) {
                    if (node.locked() && !node.id().equals(target)) {
                        assertThat(after.node(node.id()).orElseThrow().amount()).as("locked %s", node.id())
                                .isEqualTo(amounts.get(node.id()));
                    }
                }
                plan = after;
            }
        });
    }

    @Test
    void an_override_is_refused_exactly_when_the_locked_siblings_cannot_fit_and_a_refusal_changes_nothing() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            TargetPlan plan = randomPlan(random);
            for (int i = 0; i < 3; i++) {
                TargetNode node = plan.nodes().get(random.nextInt(plan.nodes().size()));
                if (node.parentId().isPresent()) {
                    plan = plan.setAmount(node.id(), node.amount() / 2, "lock", ALICE, AT).fold(r -> null, Change::state) == null
                            ? plan : plan.setAmount(node.id(), node.amount() / 2, "lock", ALICE, AT).get().state();
                }
            }
            TargetNode node = plan.nodes().get(random.nextInt(plan.nodes().size()));
            if (node.parentId().isEmpty()) {
                return;
            }
            TargetNode parent = plan.node(node.parentId().get()).orElseThrow();
            long amount = random.nextBoolean() ? parent.amount() + 1 + random.nextInt(100) : random.nextInt((int) Math.min(Integer.MAX_VALUE, parent.amount() + 1));
            long lockedSiblings = amount;
            boolean anyUnlocked = false;
            for (TargetNode sibling : plan.children(parent.id())) {
                if (!sibling.id().equals(node.id())) {
                    lockedSiblings += sibling.locked() ? sibling.amount() : 0;
                    anyUnlocked |= !sibling.locked();
                }
            }
            String before = plan.toString();
            Either<Rejected, Change<TargetPlan>> result = plan.setAmount(node.id(), amount, "override", ALICE, AT);
            assertThat(plan.toString()).isEqualTo(before);
            if (lockedSiblings > parent.amount()) {
                assertThat(result.getLeft().has(TargetRejection.LOCKS_EXCEED_PARENT)).isTrue();
            } else if (!anyUnlocked && lockedSiblings != parent.amount()) {
                assertThat(result.getLeft().has(TargetRejection.NOTHING_TO_ABSORB)).isTrue();
            } else if (result.isRight()) {
                assertThat(amount(result.get().state(), node.id())).isEqualTo(amount);
                assertThat(amount(result.get().state(), parent.id())).isEqualTo(parent.amount());
            } else {
                assertThat(result.getLeft().reasons()).allSatisfy(r -> assertThat(r.code()).isIn(
                        TargetRejection.LOCKS_EXCEED_PARENT, TargetRejection.NOTHING_TO_ABSORB));
            }
        });
    }

    private static long amount(TargetPlan plan, String id) {
        return plan.node(id).orElseThrow().amount();
    }

    @Test
    void reconciliation_by_scale_preserves_the_top_down_total_exactly() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            TargetPlan plan = randomPlan(random);
            for (TargetNode node : plan.nodes()) {
                if (random.nextInt(3) > 0) {
                    plan = plan.submitCommitment(node.id(), random.nextInt(4) == 0 ? 0 : Math.abs(random.nextLong() % 1_000_000_000L),
                            ALICE, AT).get().state();
                }
            }
            TargetPlan calibrated = plan;
            for (TargetNode node : plan.nodes()) {
                if (!node.isLeaf()) {
                    Either<Rejected, Change<TargetPlan>> result = calibrated.reconcile(node.id(), new Reconciliation.ScaleToTopDown(),
                            "scale", ALICE, AT);
                    if (result.isRight()) {
                        calibrated = result.get().state();
                        assertSumsHold(calibrated);
                    } else {
                        assertThat(result.getLeft().codes()).containsOnly(TargetRejection.SUBMISSION_MISSING.code());
                    }
                }
            }
            for (TargetNode node : plan.nodes()) {
                if (node.parentId().isEmpty()) {
                    assertThat(amount(calibrated, node.id())).isEqualTo(node.amount());
                }
            }
        });
    }
}
