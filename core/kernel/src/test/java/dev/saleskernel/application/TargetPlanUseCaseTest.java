package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import dev.saleskernel.target.Dimension;
import dev.saleskernel.target.Metric;
import dev.saleskernel.target.PlanStatus;
import dev.saleskernel.target.Reconciliation;
import dev.saleskernel.target.Strategy;
import dev.saleskernel.target.Target;
import dev.saleskernel.target.TargetPlan;
import dev.saleskernel.target.TargetRejection;
import dev.saleskernel.target.TargetUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Target plans through the facade, on the real in-memory store: stored, reloaded, audited. */
class TargetPlanUseCaseTest {
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    int commands;

    CommandContext as(String actor) {
        return CommandContext.of("acme", actor, "cmd-" + (++commands));
    }

    @Test
    void a_plan_is_created_decomposed_overridden_calibrated_and_approved_by_a_second_person_through_the_facade() {
        TargetPlanService plans = kernel.targetPlans();
        Target root = new Target(Metric.REVENUE, TargetUnit.money(Currency.getInstance("CNY")), 120_000_000_00L,
                FiscalCalendar.CALENDAR_YEAR.year(2026), "company", Map.of());
        assertThat(plans.create(as("li.na"), "fy2026", "FY2026 revenue", root, "Company", Optional.empty(), Optional.empty())
                .isRight()).isTrue();
        plans.split(as("li.na"), "fy2026", "company", Dimension.REGION, List.of(new TargetPlan.Child("east", "East"),
                new TargetPlan.Child("west", "West")), new Strategy.Equal()).get();
        plans.splitOverTime(as("li.na"), "fy2026", "company/east", PeriodKind.QUARTER, new Strategy.Equal()).get();
        plans.setAmount(as("li.na"), "fy2026", "company/west", 50_000_000_00L, "west lost a key account").get();
        plans.submitCommitment(as("east.manager"), "fy2026", "company/east", 60_000_000_00L).get();
        plans.submitCommitment(as("west.manager"), "fy2026", "company/west", 40_000_000_00L).get();
        plans.reconcile(as("li.na"), "fy2026", "company", new Reconciliation.ScaleToTopDown(), "calibration round 1").get();
        plans.propose(as("li.na"), "fy2026", "ready for the board").get();

        assertThat(plans.approve(as("li.na"), "fy2026").getLeft().has(SharedRejection.PROPOSER_CANNOT_APPROVE)).isTrue();
        assertThat(plans.approve(as("wang.wei"), "fy2026").isRight()).isTrue();
        assertThat(plans.setAmount(as("li.na"), "fy2026", "company", 1, "late change").getLeft()
                .has(TargetRejection.VERSION_NOT_EDITABLE)).isTrue();

        TargetPlan stored = plans.find(ACME, "fy2026").orElseThrow();
        assertThat(stored.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(stored.root().amount()).isEqualTo(120_000_000_00L);
        assertThat(stored.node("company/west").orElseThrow().amount()).isEqualTo(50_000_000_00L);
        assertThat(stored.node("company/east").orElseThrow().amount()).isEqualTo(70_000_000_00L);
        assertThat(stored.children("company/east")).extracting(n -> n.amount())
                .containsExactly(17_500_000_00L, 17_500_000_00L, 17_500_000_00L, 17_500_000_00L);
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        assertThat(types).containsExactly("target-plan.created", "target-plan.node-split", "target-plan.node-split",
                "target-plan.amounts-changed", "target-plan.commitment-submitted", "target-plan.commitment-submitted",
                "target-plan.reconciled", "target-plan.version-proposed", "target-plan.version-approved");
    }

    @Test
    void commands_on_a_missing_plan_are_refused_as_not_found() {
        assertThat(kernel.targetPlans().propose(as("li.na"), "nope", "x").getLeft().has(SharedRejection.NOT_FOUND)).isTrue();
    }
}
