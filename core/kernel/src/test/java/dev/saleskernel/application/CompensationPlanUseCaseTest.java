package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompensationPlanUseCaseTest {
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static String fieldSales() throws IOException {
        return Files.readString(Path.of("..", "..", "docs", "reference", "compensation-plans", "field-sales-2026.json"));
    }

    @Test
    void a_plan_version_is_proposed_from_json_published_by_a_second_person_and_audited_in_the_outbox() throws IOException {
        var proposed = kernel.compensationPlans().propose(CommandContext.of("acme", "alice", "c1"), fieldSales(), "FY2026 plan");
        assertThat(proposed.isRight()).as(String.valueOf(proposed)).isTrue();
        var ownPublish = kernel.compensationPlans().publish(CommandContext.of("acme", "alice", "c2"), "field-sales", 1);
        assertThat(ownPublish.getLeft().codes()).containsExactly(SharedRejection.PROPOSER_CANNOT_APPROVE.code());
        kernel.compensationPlans().publish(CommandContext.of("acme", "bob", "c3"), "field-sales", 1).get();

        assertThat(kernel.compensationPlans().find(TenantId.of("acme"), "field-sales").orElseThrow()
                .inForceOn(LocalDate.of(2026, 5, 1))).isPresent();
        assertThat(kernel.compensationPlans().find(TenantId.of("globex"), "field-sales")).isEmpty();
        List<PublishedEvent> events = new ArrayList<>();
        kernel.outbox().relay(TenantId.of("acme"), 10, Duration.ofMinutes(1), events::add);
        assertThat(events).extracting(e -> e.eventType() + " " + e.actor().value()).containsExactly(
                "compensation-plan.version-proposed alice", "compensation-plan.version-published bob");
        assertThat(events.get(0).payloadJson()).contains("FY2026 plan");
    }

    @Test
    void a_refused_plan_json_changes_nothing() {
        var refused = kernel.compensationPlans().propose(CommandContext.of("acme", "alice", "c1"), "{\"id\": \"x\"}", "try");
        assertThat(refused.isLeft()).isTrue();
        assertThat(kernel.compensationPlans().find(TenantId.of("acme"), "x")).isEmpty();
    }
}
