package dev.saleskernel.application;

import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static dev.saleskernel.funnel.FunnelFixtures.cny;
import static dev.saleskernel.funnel.FunnelFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.AccountValues.AccountDraft;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.customer.Handover;
import dev.saleskernel.customer.HandoverScenarios;
import dev.saleskernel.customer.PoolPolicy;
import dev.saleskernel.funnel.CreditSplit;
import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One handover command: every account and open deal of a rep in one atomic, idempotent commit. */
class HandoverUseCaseTest {
    static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final LocalDate EFFECTIVE = LocalDate.parse("2026-06-01");
    static final OrgStructure ORG = HandoverScenarios.org();

    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    /** Set to make one concurrent change land between the handover's loads and its commit. */
    final AtomicBoolean interfere = new AtomicBoolean();
    SalesKernel kernel;
    final RecordStore interfering = new RecordStore() {
        @Override
        public Optional<StoredRecord> load(RecordKey key) {
            return store.load(key);
        }

        @Override
        public CommitOutcome commit(Commit commit) {
            if (interfere.getAndSet(false)) {
                kernel.accounts().recordPurchase(as("meanwhile"), "a-1", new PurchaseFact("erp-9", LocalDate.parse("2026-04-30"),
                        cny("10.00"))).get();
            }
            return store.commit(commit);
        }

        @Override
        public RecordPage query(RecordQuery query) {
            return store.query(query);
        }

        @Override
        public int spiVersion() {
            return store.spiVersion();
        }
    };
    int commands;

    HandoverUseCaseTest() {
        kernel = SalesKernel.builder().recordStore(interfering).outboxStore(store).authorization(Authorization.allowEverything())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    CommandContext as(String command) {
        return CommandContext.of("acme", "admin", command + "-" + (++commands));
    }

    void book() {
        for (String id : List.of("a-1", "a-2", "a-3")) {
            kernel.accounts().create(as("c"), new AccountDraft(id, new AccountProfile("Firm " + id, "retail", "east",
                    AccountSize.SMALL, "DIRECT", "", "", ""), "ann", cny("1000.00"), CreditPolicy.WARN, 30)).get();
        }
        kernel.accounts().create(as("c"), new AccountDraft("b-1", new AccountProfile("Other", "retail", "east",
                AccountSize.SMALL, "DIRECT", "", "", ""), "eve", cny("1000.00"), CreditPolicy.WARN, 30)).get();
        kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()).get();
        kernel.opportunities().create(as("c"), "seeds", new OpportunityDraft("o-1", "a-2", ActorId.of("ann"),
                List.of(new CreditSplit(ActorId.of("ann"), new BigDecimal("60")), new CreditSplit(ActorId.of("fay"), new BigDecimal("40"))),
                CNY, List.of(line("p", "1", "100.00", "0")), Optional.empty(), "", "", "", "")).get();
    }

    List<String> drain() {
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        return types;
    }

    @Test
    void round_robin_moves_every_account_and_open_deal_of_the_rep_in_one_commit_with_history() {
        book();
        drain();

        var result = kernel.handovers().handOverRep(as("h"), "ann", Handover.Rule.ROUND_ROBIN_IN_TEAM, EFFECTIVE,
                "ann left", ORG, Optional.empty()).get();

        assertThat(result.changedRecords()).containsExactly("account:a-1", "account:a-2", "account:a-3", "opportunity:o-1");
        assertThat(kernel.accounts().ownedBy(ACME, "ann")).isEmpty();
        assertThat(kernel.accounts().find(ACME, "a-2").get().ownerHistory()).extracting(p -> p.rep() + ":" + p.reason())
                .containsExactly("ann:created", "fay:ann left");
        var deal = kernel.opportunities().find(ACME, "o-1").get();
        assertThat(deal.owner()).isEqualTo(ActorId.of("fay"));
        assertThat(deal.team()).containsExactly(new CreditSplit(ActorId.of("fay"), new BigDecimal("100")));
        assertThat(kernel.accounts().find(ACME, "b-1").get().owner()).isEqualTo("eve");
        assertThat(drain()).containsExactly("customer.account-handed-over", "customer.account-handed-over",
                "customer.account-handed-over", "funnel.owner-changed");
    }

    @Test
    void the_same_handover_command_again_is_a_replay_that_changes_nothing() {
        book();
        CommandContext once = as("h");
        kernel.handovers().handOverRep(once, "ann", Handover.Rule.TO_MANAGER, EFFECTIVE, "ann left", ORG, Optional.empty()).get();
        drain();

        var again = kernel.handovers().handOverRep(once, "ann", Handover.Rule.TO_MANAGER, EFFECTIVE, "ann left", ORG,
                Optional.empty()).get();

        assertThat(again.replayed()).isTrue();
        assertThat(drain()).isEmpty();
        assertThat(kernel.accounts().ownedBy(ACME, "max")).hasSize(3);
    }

    @Test
    void when_one_account_cannot_be_handed_over_nothing_is_changed_and_every_reason_is_given() {
        book();
        drain();

        var refused = kernel.handovers().handOverRep(as("h"), "ann", Handover.Rule.TO_MANAGER, NOW.atZone(ZoneOffset.UTC)
                .toLocalDate(), "ann left", ORG, Optional.empty()).getLeft();

        assertThat(refused.reasons()).hasSize(3).allSatisfy(r -> assertThat(r.field()).isEqualTo("effective"));
        assertThat(kernel.accounts().ownedBy(ACME, "ann")).hasSize(3);
        assertThat(kernel.opportunities().find(ACME, "o-1").get().owner()).isEqualTo(ActorId.of("ann"));
        assertThat(drain()).isEmpty();
    }

    @Test
    void a_concurrent_change_to_one_account_makes_the_handover_decide_again_and_keep_that_change() {
        book();
        interfere.set(true);

        kernel.handovers().handOverRep(as("h"), "ann", Handover.Rule.TO_MANAGER, EFFECTIVE, "ann left", ORG, Optional.empty()).get();

        Account a1 = kernel.accounts().find(ACME, "a-1").get();
        assertThat(a1.owner()).isEqualTo("max");
        assertThat(a1.purchases()).containsOnlyKeys("erp-9");
    }

    @Test
    void back_to_the_pool_returns_the_holdings_with_a_cooldown_and_gives_the_deal_to_the_manager() {
        book();
        kernel.customerPools().open(as("p"), "east", "region:east", new PoolPolicy(5, 10, 30, 0, 0, 14)).get();
        kernel.customerPools().add(as("p"), "east", "a-1").get();
        kernel.customerPools().assign(as("p"), "east", "a-1", "ann").get();

        kernel.handovers().handOverRep(as("h"), "ann", Handover.Rule.TO_POOL, EFFECTIVE, "ann left", ORG, Optional.of("east")).get();

        assertThat(kernel.accounts().find(ACME, "a-1").get().owner()).isEqualTo("pool:east");
        var pool = kernel.customerPools().find(ACME, "east").get();
        assertThat(pool.accounts()).containsOnlyKeys("a-1", "a-2", "a-3");
        assertThat(pool.accounts().get("a-1").isHeld()).isFalse();
        assertThat(pool.accounts().get("a-1").cooldown()).isPresent();
        assertThat(kernel.opportunities().find(ACME, "o-1").get().owner()).isEqualTo(ActorId.of("max"));
    }

    @Test
    void back_to_the_pool_without_a_pool_or_reason_is_refused_with_both_reasons() {
        var refused = kernel.handovers().handOverRep(as("h"), "ann", Handover.Rule.TO_POOL, EFFECTIVE, " ", ORG,
                Optional.empty()).getLeft();

        assertThat(refused.reasons()).extracting(r -> r.field()).containsExactly("reason", "poolId");
    }
}
