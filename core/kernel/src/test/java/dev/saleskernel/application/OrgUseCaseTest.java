package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.org.OrgRejection;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.TerritoryRules;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The organisation through the facade, on the real in-memory store: stored, idempotent, concurrency-checked, audited. */
class OrgUseCaseTest {
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = kernelOn(store);
    int commands;

    SalesKernel kernelOn(RecordStore records) {
        return SalesKernel.builder().recordStore(records).outboxStore(store).authorization(Authorization.allowEverything())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    CommandContext hr() {
        return CommandContext.of("acme", "hr", "cmd-" + (++commands));
    }

    List<String> drainTypes(TenantId tenant) {
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(tenant, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        return types;
    }

    void branchWithRep(OrgService org) {
        org.addUnit(hr(), "hq", "Head office", UnitKind.COMPANY, Optional.empty(), START).get();
        org.addUnit(hr(), "sh", "Shanghai", UnitKind.BRANCH_OFFICE, Optional.of("hq"), START).get();
        org.hire(hr(), new Member("ann", "Ann", START, Optional.empty())).get();
        org.assign(hr(), "ann", "sh", Role.REP, START, Optional.empty()).get();
    }

    @Test
    void org_changes_through_the_service_are_stored_and_their_events_reach_the_outbox_in_order() {
        OrgService org = kernel.org();
        branchWithRep(org);
        org.addUnit(hr(), "hz", "Hangzhou", UnitKind.BRANCH_OFFICE, Optional.of("hq"), START).get();
        org.endMembership(hr(), "ann", "sh", LocalDate.of(2026, 3, 1)).get();
        org.assign(hr(), "ann", "hz", Role.REP, LocalDate.of(2026, 3, 1), Optional.empty()).get();
        org.addTerritory(hr(), new Territory("east", "East", Optional.of("sh"), 0,
                List.of(TerritoryRules.from(START, Set.of("shanghai"), Set.of(), Set.of(), Set.of())))).get();
        org.redefineTerritory(hr(), "east", TerritoryRules.from(LocalDate.of(2026, 4, 1), Set.of("shanghai", "jiangsu"),
                Set.of(), Set.of(), Set.of())).get();
        org.addProductLine(hr(), "erp", "ERP", START).get();
        org.renameProductLine(hr(), "erp", "ERP cloud", LocalDate.of(2026, 6, 1)).get();
        org.retireProductLine(hr(), "erp", LocalDate.of(2027, 1, 1)).get();
        org.moveUnit(hr(), "hz", "sh", LocalDate.of(2026, 7, 1)).get();
        org.retireTerritory(hr(), "east", LocalDate.of(2026, 9, 1)).get();
        org.leave(hr(), "ann", LocalDate.of(2026, 10, 1)).get();

        OrgStructure stored = kernel.org().find(ACME);
        assertThat(stored.membersOn("sh", LocalDate.of(2026, 2, 28))).extracting(Membership::memberId).containsExactly("ann");
        assertThat(stored.membersOn("hz", LocalDate.of(2026, 3, 1))).extracting(Membership::memberId).containsExactly("ann");
        assertThat(stored.lineageOn("hz", LocalDate.of(2026, 7, 1))).containsExactly("hz", "sh", "hq");
        assertThat(stored.territoriesFor(new Account("a", "jiangsu", "retail"), LocalDate.of(2026, 3, 31))).isEmpty();
        assertThat(stored.territoriesFor(new Account("a", "jiangsu", "retail"), LocalDate.of(2026, 4, 1))).hasSize(1);
        assertThat(stored.productLine("erp").orElseThrow().nameOn(LocalDate.of(2026, 5, 31))).isEqualTo("ERP");
        assertThat(drainTypes(ACME)).containsExactly("org.unit-added", "org.unit-added", "org.member-hired",
                "org.member-assigned", "org.unit-added", "org.membership-ended", "org.member-assigned", "org.territory-added",
                "org.territory-redefined", "org.product-line-added", "org.product-line-renamed", "org.product-line-retired",
                "org.unit-moved", "org.territory-retired", "org.member-left");
    }

    @Test
    void the_same_command_id_twice_changes_the_organisation_once() {
        CommandContext once = hr();
        kernel.org().addUnit(once, "hq", "Head office", UnitKind.COMPANY, Optional.empty(), START).get();

        Executed<OrgStructure> again = kernel.org().addUnit(once, "hq", "Head office", UnitKind.COMPANY, Optional.empty(), START).get();

        assertThat(again.replayed()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(drainTypes(ACME)).containsExactly("org.unit-added");
    }

    @Test
    void a_refused_org_command_changes_nothing_and_publishes_nothing() {
        branchWithRep(kernel.org());
        drainTypes(ACME);
        OrgStructure before = kernel.org().find(ACME);

        var refused = kernel.org().assign(hr(), "ann", "nowhere", Role.REP, START, Optional.of(START));

        assertThat(refused.getLeft().codes()).containsExactlyInAnyOrder(OrgRejection.UNKNOWN_UNIT.code(),
                OrgRejection.EMPTY_RANGE.code());
        assertThat(kernel.org().find(ACME).toString()).isEqualTo(before.toString());
        assertThat(drainTypes(ACME)).isEmpty();
    }

    @Test
    void one_tenant_never_sees_another_tenants_organisation() {
        branchWithRep(kernel.org());

        assertThat(kernel.org().find(TenantId.of("globex")).units()).isEmpty();
        assertThat(kernel.org().addUnit(CommandContext.of("globex", "gina", "cmd-1"), "hq", "Globex HQ", UnitKind.COMPANY,
                Optional.empty(), START).get().replayed()).as("command ids are per tenant").isFalse();
        assertThat(kernel.org().find(ACME).unit("hq").orElseThrow().name()).isEqualTo("Head office");
    }

    @Test
    void a_concurrent_org_change_makes_the_command_decide_again_on_the_new_state() {
        branchWithRep(kernel.org());
        SalesKernel other = kernelOn(store);
        AtomicInteger commits = new AtomicInteger();
        RecordStore interfering = new TenantSettingsUseCaseTest.DelegatingStore(store) {
            @Override
            public CommitOutcome commit(Commit commit) {
                if (commits.getAndIncrement() == 0) {
                    other.org().addUnit(CommandContext.of("acme", "carol", "cmd-carol"), "sh-1", "Team carol",
                            UnitKind.TEAM, Optional.of("sh"), START).get();
                }
                return super.commit(commit);
            }
        };

        var result = kernelOn(interfering).org().addUnit(hr(), "sh-1", "Team alice", UnitKind.TEAM, Optional.of("sh"), START);

        assertThat(result.getLeft().codes()).as("decided again on carol's unit").containsExactly(OrgRejection.DUPLICATE_ID.code());
        assertThat(kernel.org().find(ACME).unit("sh-1").orElseThrow().name()).isEqualTo("Team carol");
    }

    @Test
    void an_actor_the_authorisation_port_denies_changes_nothing() {
        SalesKernel guarded = SalesKernel.builder().recordStore(store).outboxStore(store)
                .authorization(request -> request.action().equals(OrgService.ADD_UNIT)
                        ? AccessDecision.denied("org changes are for HR") : AccessDecision.granted())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        var refused = guarded.org().addUnit(hr(), "hq", "Head office", UnitKind.COMPANY, Optional.empty(), START);

        assertThat(refused.getLeft().codes()).containsExactly("shared/NOT_AUTHORISED");
        assertThat(kernel.org().find(ACME).units()).isEmpty();
    }
}
