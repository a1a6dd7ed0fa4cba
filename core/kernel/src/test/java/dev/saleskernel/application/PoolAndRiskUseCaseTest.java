package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.customer.CustomerRejection;
import dev.saleskernel.customer.PoolPolicy;
import dev.saleskernel.risk.Finding;
import dev.saleskernel.risk.RiskEvaluation;
import dev.saleskernel.risk.RiskScope;
import dev.saleskernel.risk.Severity;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pools and the finding ledger through the facade on the in-memory store, with their outbox events. */
class PoolAndRiskUseCaseTest {
    static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final PoolPolicy POLICY = new PoolPolicy(1, 5, 30, 0, 0, 14);

    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static CommandContext as(String command) {
        return CommandContext.of("acme", "alice", command);
    }

    List<String> drainTypes() {
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        return types;
    }

    @Test
    void a_claim_beyond_the_pool_cap_is_refused_and_the_stored_pool_keeps_one_holding() {
        kernel.customerPools().open(as("c-1"), "east", "region:east", POLICY).get();
        kernel.customerPools().add(as("c-2"), "east", "a-1").get();
        kernel.customerPools().add(as("c-3"), "east", "a-2").get();
        kernel.customerPools().claim(as("c-4"), "east", "a-1", "rep-1").get();

        var refused = kernel.customerPools().claim(as("c-5"), "east", "a-2", "rep-1").getLeft();

        assertThat(refused.has(CustomerRejection.POOL_CAP_REACHED)).isTrue();
        assertThat(kernel.customerPools().find(ACME, "east").get().holdingsOf("rep-1")).isEqualTo(1);
        assertThat(drainTypes()).containsExactly("customer.pool-opened", "customer.pool-account-added",
                "customer.pool-account-added", "customer.pool-account-claimed");
    }

    @Test
    void the_sweep_reclaims_once_and_the_same_day_again_commits_nothing() {
        kernel.customerPools().open(as("c-1"), "east", "region:east", POLICY).get();
        kernel.customerPools().add(as("c-2"), "east", "a-1").get();
        kernel.customerPools().claim(as("c-3"), "east", "a-1", "rep-1").get();
        drainTypes();
        LocalDate late = LocalDate.parse("2026-06-15");

        var first = kernel.customerPools().sweep(as("c-4"), "east", late).get();
        var second = kernel.customerPools().sweep(as("c-5"), "east", late).get();

        assertThat(first.events()).hasSize(1);
        assertThat(second.events()).isEmpty();
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(drainTypes()).containsExactly("customer.pool-account-reclaimed");
    }

    @Test
    void a_follow_up_is_stored_so_the_sweep_of_a_later_day_sees_it() {
        kernel.customerPools().open(as("c-1"), "east", "region:east", POLICY).get();
        kernel.customerPools().add(as("c-2"), "east", "a-1").get();
        kernel.customerPools().claim(as("c-3"), "east", "a-1", "rep-1").get();
        kernel.customerPools().recordFollowUp(as("c-4"), "east", "a-1", LocalDate.parse("2026-05-25")).get();

        var swept = kernel.customerPools().sweep(as("c-5"), "east", LocalDate.parse("2026-06-15")).get();

        assertThat(swept.events()).isEmpty();
        assertThat(swept.state().accounts().get("a-1").isHeldBy("rep-1")).isTrue();
    }

    static Finding stalled(String subject, String days) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("daysInStage", days);
        return new Finding("stalled-deal", 1, RiskScope.OPPORTUNITY, subject, new Severity(3, 4), evidence,
                "Agree a next step.", LocalDate.parse("2026-05-01"));
    }

    @Test
    void the_same_finding_twice_stays_one_open_finding_and_every_change_reaches_the_outbox() {
        var evaluation = new RiskEvaluation(LocalDate.parse("2026-05-01"), Set.of("stalled-deal"),
                List.of(stalled("opportunity:o-1", "45")));
        kernel.risk().record(as("c-1"), evaluation).get();
        kernel.risk().record(as("c-2"), evaluation).get();
        kernel.risk().record(as("c-3"), new RiskEvaluation(LocalDate.parse("2026-05-02"), Set.of("stalled-deal"),
                List.of(stalled("opportunity:o-1", "46")))).get();

        assertThat(kernel.risk().ledger(ACME).open()).hasSize(1);
        String id = kernel.risk().ledger(ACME).openBySeverity().get(0).findingId();
        kernel.risk().acknowledge(as("c-4"), id, "call booked").get();
        kernel.risk().resolve(as("c-5"), id, "deal moved").get();

        assertThat(kernel.risk().ledger(ACME).open()).isEmpty();
        assertThat(drainTypes()).containsExactly("risk.finding-raised", "risk.finding-updated",
                "risk.finding-acknowledged", "risk.finding-resolved");
    }

    @Test
    void resolving_an_unknown_finding_is_refused_and_changes_nothing() {
        assertThat(kernel.risk().resolve(as("c-1"), "F-9", "why").isLeft()).isTrue();
        assertThat(drainTypes()).isEmpty();
    }
}
