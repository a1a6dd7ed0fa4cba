package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import dev.saleskernel.tenant.SettingsValues;
import dev.saleskernel.tenant.TenantSettings;
import io.vavr.control.Either;
import dev.saleskernel.period.FiscalYearNaming;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The load → decide → commit use cases through the facade, on the real in-memory store. */
class TenantSettingsUseCaseTest {
    static final Instant NOW = Instant.parse("2026-04-06T09:00:00.123456789Z");
    static final TenantId ACME = TenantId.of("acme");
    static final SettingsValues CNY_APRIL = new SettingsValues("Acme Sales", Currency.getInstance("CNY"), Month.APRIL, FiscalYearNaming.END_YEAR,
            RoundingMode.HALF_EVEN);
    static final SettingsValues CNY_JANUARY = new SettingsValues("Acme Sales", Currency.getInstance("CNY"), Month.JANUARY, FiscalYearNaming.END_YEAR,
            RoundingMode.HALF_EVEN);

    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));

    SalesKernel kernelOn(RecordStore records, Authorization authorization) {
        return SalesKernel.builder().recordStore(records).outboxStore(store).authorization(authorization)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    final SalesKernel kernel = kernelOn(store, Authorization.allowEverything());

    List<PublishedEvent> drain(TenantId tenant) {
        List<PublishedEvent> events = new ArrayList<>();
        kernel.outbox().relay(tenant, 100, Duration.ofMinutes(1), events::add);
        return events;
    }

    @Test
    void a_configured_tenant_is_stored_and_its_event_is_in_the_outbox_with_actor_time_and_command() {
        var executed = kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL).get();

        assertThat(executed.version()).isEqualTo(1);
        assertThat(kernel.tenantSettings().find(ACME)).hasValueSatisfying(s -> assertThat(s.values()).isEqualTo(CNY_APRIL));
        List<PublishedEvent> events = drain(ACME);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo("tenant-settings.configured");
            assertThat(event.actor().value()).isEqualTo("alice");
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-04-06T09:00:00.123456Z"));
            assertThat(event.commandId().value()).isEqualTo("cmd-1");
            assertThat(event.subjectType()).isEqualTo("tenant-settings");
            assertThat(event.payloadJson()).contains("\"fiscalYearStart\":\"APRIL\"");
        });
    }

    @Test
    void the_same_command_id_twice_does_nothing_the_second_time() {
        CommandContext propose = CommandContext.of("acme", "alice", "cmd-2");
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);
        var first = kernel.tenantSettings().proposeChange(propose, CNY_JANUARY, "group reporting").get();

        var second = kernel.tenantSettings().proposeChange(propose, CNY_JANUARY, "group reporting");

        assertThat(second.isRight()).as("a replay is not refused as 'already pending': %s", second).isTrue();
        assertThat(second.get().replayed()).isTrue();
        assertThat(second.get().events()).isEmpty();
        assertThat(second.get().version()).isEqualTo(first.version());
        assertThat(drain(ACME)).extracting(PublishedEvent::eventType)
                .containsExactly("tenant-settings.configured", "tenant-settings.change-proposed");
    }

    @Test
    void two_racing_copies_of_one_command_commit_once() throws Exception {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Either<Rejected, Executed<TenantSettings>>>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return kernel.tenantSettings().proposeChange(CommandContext.of("acme", "alice", "cmd-race"), CNY_JANUARY,
                        "group reporting");
            }));
        }
        start.countDown();
        for (var result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).isRight()).isTrue();
        }
        pool.shutdown();

        assertThat(drain(ACME)).extracting(PublishedEvent::eventType)
                .containsExactly("tenant-settings.configured", "tenant-settings.change-proposed");
    }

    @Test
    void a_refused_command_changes_nothing_and_publishes_nothing() {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);
        kernel.tenantSettings().proposeChange(CommandContext.of("acme", "alice", "cmd-2"), CNY_JANUARY, "why not");
        drain(ACME);

        var refused = kernel.tenantSettings().approveChange(CommandContext.of("acme", "alice", "cmd-3"));

        assertThat(refused.getLeft().codes()).containsExactly(SharedRejection.PROPOSER_CANNOT_APPROVE.code());
        assertThat(kernel.tenantSettings().find(ACME).get().values()).isEqualTo(CNY_APRIL);
        assertThat(drain(ACME)).isEmpty();
    }

    @Test
    void a_different_approver_puts_the_change_in_force_through_the_facade() {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);
        kernel.tenantSettings().proposeChange(CommandContext.of("acme", "alice", "cmd-2"), CNY_JANUARY, "why not");

        var approved = kernel.tenantSettings().approveChange(CommandContext.of("acme", "bob", "cmd-3")).get();

        assertThat(approved.version()).isEqualTo(3);
        assertThat(kernel.tenantSettings().find(ACME).get().values()).isEqualTo(CNY_JANUARY);
    }

    @Test
    void an_actor_the_authorisation_port_denies_changes_nothing() {
        List<AccessRequest> asked = new ArrayList<>();
        SalesKernel guarded = kernelOn(store, request -> {
            asked.add(request);
            return request.actor().value().equals("mallory") ? AccessDecision.denied("not an administrator")
                    : AccessDecision.granted();
        });

        var refused = guarded.tenantSettings().configure(CommandContext.of("acme", "mallory", "cmd-1"), CNY_APRIL);

        assertThat(refused.getLeft().codes()).containsExactly(SharedRejection.NOT_AUTHORISED.code());
        assertThat(refused.getLeft().reasons().get(0).message()).contains("not an administrator");
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(TenantSettingsService.CONFIGURE);
            assertThat(request.subjectType()).isEqualTo("tenant-settings");
            assertThat(request.tenant()).isEqualTo(ACME);
        });
        assertThat(guarded.tenantSettings().find(ACME)).isEmpty();
        assertThat(drain(ACME)).isEmpty();
    }

    @Test
    void one_tenant_never_sees_another_tenants_settings_or_events() {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);

        assertThat(kernel.tenantSettings().find(TenantId.of("globex"))).isEmpty();
        assertThat(drain(TenantId.of("globex"))).isEmpty();
        var globex = kernel.tenantSettings().configure(CommandContext.of("globex", "gina", "cmd-1"), CNY_JANUARY);
        assertThat(globex.get().replayed()).as("command ids are per tenant").isFalse();
    }

    @Test
    void a_conflict_makes_the_command_decide_again_on_the_new_state() {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);
        SalesKernel other = kernelOn(store, Authorization.allowEverything());
        AtomicInteger commits = new AtomicInteger();
        RecordStore interfering = new DelegatingStore(store) {
            @Override
            public CommitOutcome commit(Commit commit) {
                if (commits.getAndIncrement() == 0) {
                    other.tenantSettings().proposeChange(CommandContext.of("acme", "carol", "cmd-carol"), CNY_JANUARY, "first");
                }
                return super.commit(commit);
            }
        };
        SalesKernel kernel = kernelOn(interfering, Authorization.allowEverything());

        var result = kernel.tenantSettings().proposeChange(CommandContext.of("acme", "alice", "cmd-alice"),
                new SettingsValues("Acme", Currency.getInstance("USD"), Month.JULY, FiscalYearNaming.END_YEAR, RoundingMode.HALF_UP), "second");

        assertThat(commits.get()).as("the second decision refuses before committing").isEqualTo(1);
        assertThat(result.getLeft().codes()).as("decided again on carol's pending change")
                .containsExactly(SharedRejection.CHANGE_ALREADY_PENDING.code());
        assertThat(this.kernel.tenantSettings().find(ACME).get().pendingChange())
                .hasValueSatisfying(p -> assertThat(p.proposedBy().value()).isEqualTo("carol"));
    }

    @Test
    void when_the_record_keeps_changing_the_command_gives_up_after_its_budget_and_writes_nothing() {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);
        AtomicInteger commits = new AtomicInteger();
        RecordStore alwaysStale = new DelegatingStore(store) {
            @Override
            public CommitOutcome commit(Commit commit) {
                commits.incrementAndGet();
                return new CommitOutcome.Conflict(java.util.Set.of(commit.writes().get(0).key()));
            }
        };
        SalesKernel kernel = SalesKernel.builder().recordStore(alwaysStale).outboxStore(store).maxAttempts(3)
                .authorization(Authorization.allowEverything()).build();

        var result = kernel.tenantSettings().proposeChange(CommandContext.of("acme", "alice", "cmd-2"), CNY_JANUARY, "x");

        assertThat(commits.get()).isEqualTo(3);
        assertThat(result.getLeft().codes()).containsExactly(SharedRejection.CONCURRENT_MODIFICATION.code());
        assertThat(result.getLeft().reasons().get(0).evidence()).containsEntry("attempts", "3");
        assertThat(this.kernel.tenantSettings().find(ACME).get().pendingChange()).isEmpty();
    }

    @Test
    void a_command_id_reused_for_another_command_is_refused_not_replayed() {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);

        var reused = kernel.tenantSettings().proposeChange(CommandContext.of("acme", "alice", "cmd-1"), CNY_JANUARY, "x");

        assertThat(reused.getLeft().codes()).containsExactly(SharedRejection.COMMAND_ID_REUSED.code());
        assertThat(reused.getLeft().reasons().get(0).evidence()).containsEntry("usedFor", "tenant-settings.configure on tenant-settings:settings");
    }

    @Test
    void configuring_twice_with_different_command_ids_is_refused_as_already_existing() {
        kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-1"), CNY_APRIL);

        var again = kernel.tenantSettings().configure(CommandContext.of("acme", "alice", "cmd-9"), CNY_JANUARY);

        assertThat(again.getLeft().codes()).containsExactly(SharedRejection.ALREADY_EXISTS.code());
    }

    @Test
    void commands_on_an_unconfigured_tenant_are_refused_as_not_found() {
        var result = kernel.tenantSettings().approveChange(CommandContext.of("acme", "bob", "cmd-1"));

        assertThat(result.getLeft().codes()).containsExactly(SharedRejection.NOT_FOUND.code());
    }

    /** A store wrapper for injecting interference; not a mock of any domain type. */
    static class DelegatingStore implements RecordStore {
        private final RecordStore delegate;

        DelegatingStore(RecordStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public int spiVersion() {
            return delegate.spiVersion();
        }

        @Override
        public Optional<StoredRecord> load(RecordKey key) {
            return delegate.load(key);
        }

        @Override
        public CommitOutcome commit(Commit commit) {
            return delegate.commit(commit);
        }

        @Override
        public RecordPage query(RecordQuery query) {
            return delegate.query(query);
        }
    }
}
