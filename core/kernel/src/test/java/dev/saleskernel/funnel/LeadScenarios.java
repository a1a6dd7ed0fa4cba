package dev.saleskernel.funnel;

import static dev.saleskernel.funnel.FunnelFixtures.ACME;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.T0;
import static dev.saleskernel.funnel.FunnelFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.Lead.AccountSnapshot;
import dev.saleskernel.funnel.Lead.DuplicatePolicy;
import dev.saleskernel.funnel.LeadEvents.LeadConverted;
import dev.saleskernel.funnel.LeadEvents.LeadDisqualified;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadScenarios {
    static final List<AccountSnapshot> NONE = List.of();

    static Lead captured() {
        return Lead.capture(ACME, "l-1", "Globex Trading", "91310000X", "buyer@globex.cn", "fair", "spring-expo",
                "east", REP, T0).get().state();
    }

    static Lead qualified() {
        Lead lead = captured().assign(REP, REP, day(1)).get().state().startWorking(REP, day(1)).get().state();
        return lead.qualify(Map.of("budget", "yes"), REP, day(2)).get().state();
    }

    @Test
    void a_lead_goes_new_working_qualified_and_each_step_needs_the_status_before_it() {
        Lead lead = captured();

        Scenario.given(lead).when(l -> l.qualify(Map.of(), REP, day(1))).thenRejected(FunnelRejection.LEAD_STATUS,
                SharedRejection.REQUIRED);
        Lead working = lead.startWorking(REP, day(1)).get().state();
        Scenario.given(working).when(l -> l.qualify(Map.of(), REP, day(2))).thenRejected(SharedRejection.REQUIRED);
        assertThat(qualified().status()).isEqualTo(LeadStatus.QUALIFIED);
        Scenario.given(qualified()).when(l -> l.startWorking(REP, day(3))).thenRejected(FunnelRejection.LEAD_STATUS);
    }

    @Test
    void disqualifying_needs_a_reason() {
        Scenario.given(captured()).when(l -> l.disqualify(" ", REP, day(1))).thenRejected(SharedRejection.REQUIRED);
        assertThat(Scenario.given(captured()).when(l -> l.disqualify("no budget", REP, day(1)))
                .thenSingleEvent(LeadDisqualified.class).reason()).isEqualTo("no budget");
    }

    @Test
    void conversion_creates_account_contact_and_opportunity_in_one_command_and_is_idempotent() {
        Lead converted = qualified().convert("acct-9", "ct-9", "opp-9", NONE, DuplicatePolicy.REFUSE, REP, day(3))
                .get().state();

        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.conversion().orElseThrow().accountId()).isEqualTo("acct-9");
        assertThat(converted.convert("acct-9", "ct-9", "opp-9", NONE, DuplicatePolicy.REFUSE, REP, day(4)).get()
                .changedNothing()).isTrue();
        Scenario.given(converted).when(l -> l.convert("acct-1", "ct-1", "opp-1", NONE, DuplicatePolicy.REFUSE, REP, day(4)))
                .thenRejected(FunnelRejection.ALREADY_CONVERTED);
        Scenario.given(captured()).when(l -> l.convert("a", "c", "o", NONE, DuplicatePolicy.REFUSE, REP, day(4)))
                .thenRejected(FunnelRejection.LEAD_STATUS);
    }

    @Test
    void a_duplicate_by_name_tax_id_or_email_domain_is_refused_or_merged_per_policy() {
        List<AccountSnapshot> existing = List.of(new AccountSnapshot("a-1", "globex  trading", "", ""),
                new AccountSnapshot("a-2", "Other", "91310000X", ""), new AccountSnapshot("a-3", "Else", "", "globex.cn"),
                new AccountSnapshot("a-4", "Initech", "1", "initech.com"));

        Scenario.given(qualified()).when(l -> l.convert("new", "c", "o", existing, DuplicatePolicy.REFUSE, REP, day(3)))
                .thenRejected(FunnelRejection.DUPLICATE_ACCOUNT, FunnelRejection.DUPLICATE_ACCOUNT,
                        FunnelRejection.DUPLICATE_ACCOUNT);
        LeadConverted merged = Scenario.given(qualified())
                .when(l -> l.convert("new", "c", "o", existing, DuplicatePolicy.MERGE, REP, day(3)))
                .thenSingleEvent(LeadConverted.class);
        assertThat(merged.accountId()).isEqualTo("a-1");
        assertThat(merged.mergedInto()).contains("a-1");
    }

    @Test
    void round_robin_walks_the_team_and_territory_rules_pick_the_territory_owner() {
        List<ActorId> team = List.of(ActorId.of("a"), ActorId.of("b"), ActorId.of("c"));

        LeadAssignment.Pick first = LeadAssignment.roundRobin(team, 2).orElseThrow();
        LeadAssignment.Pick second = LeadAssignment.roundRobin(team, first.nextCursor()).orElseThrow();

        assertThat(List.of(first.owner(), second.owner())).containsExactly(ActorId.of("c"), ActorId.of("a"));
        assertThat(LeadAssignment.roundRobin(List.of(), 0)).isEmpty();
        assertThat(LeadAssignment.byTerritory(captured(), Map.of("east", ActorId.of("e")))).contains(ActorId.of("e"));
    }
}
