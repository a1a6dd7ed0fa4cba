package dev.saleskernel.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test-data builders for target plans. */
final class Plans {
    static final TenantId ACME = TenantId.of("acme");
    static final ActorId ALICE = ActorId.of("alice");
    static final ActorId BOB = ActorId.of("bob");
    static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Period FY2026 = FiscalCalendar.CALENDAR_YEAR.year(2026);

    private Plans() {
    }

    static TargetPlan aPlan(long rootAmount) {
        return aPlan(rootAmount, "company");
    }

    static TargetPlan aPlan(long rootAmount, String rootKey) {
        return TargetPlan.create(ACME, "plan-1", "FY2026 revenue", revenue(rootAmount, rootKey), "Company",
                Optional.empty(), Optional.empty(), SmartCheck.DEFAULT_MAX_GROWTH, ALICE, AT).get().state();
    }

    static Target revenue(long amount, String owner) {
        return new Target(Metric.REVENUE, TargetUnit.money(CNY), amount, FY2026, owner, Map.of());
    }

    static TargetPlan ok(Either<Rejected, Change<TargetPlan>> result) {
        assertThat(result.isRight()).as("accepted, but %s", result.isLeft() ? result.getLeft() : "").isTrue();
        return result.get().state();
    }

    static List<TargetPlan.Child> children(String... keys) {
        List<TargetPlan.Child> children = new ArrayList<>();
        for (String key : keys) {
            children.add(new TargetPlan.Child(key, key));
        }
        return children;
    }

    static long amount(TargetPlan plan, String id) {
        return plan.node(id).orElseThrow().amount();
    }

    /** The invariant: every node with children equals the exact sum of its children. */
    static void assertSumsHold(TargetPlan plan) {
        for (TargetNode node : plan.nodes()) {
            if (!node.isLeaf()) {
                assertThat(plan.sumOfChildren(node.id())).as("sum of children of %s", node.id()).isEqualTo(node.amount());
            }
        }
    }
}
