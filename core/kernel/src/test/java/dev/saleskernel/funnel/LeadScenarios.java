package dev.saleskernel.funnel;

import static dev.saleskernel.funnel.FunnelFixtures.ACME;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.T0;
import static dev.saleskernel.funnel.FunnelFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.funnel.Lead.AccountSnapshot;
import dev.saleskernel.funnel.Lead.DuplicatePolicy;
import dev.saleskernel.funnel.LeadEvents.LeadCaptured;
import dev.saleskernel.funnel.LeadEvents.LeadConverted;
import dev.saleskernel.funnel.LeadEvents.LeadDisqualified;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadScenarios {
    static final List<AccountSnapshot> NONE = List.of();
    static final LeadDraft DRAFT = new LeadDraft("l-1", "Globex Trading", "Li Wei", "buyer@globex.cn", "+86 21 5555 0100",
            "91310000X", "fair", "spring-expo", "east");

    static Lead captured() {
        return Lead.capture(ACME, DRAFT, REP, T0).get().state();
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
    void capturing_a_lead_refuses_a_bad_id_a_missing_company_and_source_and_a_malformed_email_all_at_once() {
        LeadDraft bad = new LeadDraft("l 1", " ", "", "buyer@@globex", "", "", "", "", "");

        Rejected refused = Lead.capture(ACME, bad, REP, T0).getLeft();

        assertThat(refused.codes()).containsExactly("shared/NOT_ALLOWED", "shared/REQUIRED", "shared/REQUIRED",
                "funnel/LEAD_CONTACT_INVALID");
        assertThat(refused.reasons()).extracting(Rejection::field).containsExactly("id", "company", "source", "email");
    }

    @Test
    void a_captured_lead_is_new_unowned_and_its_event_carries_the_company_and_contact_details() {
        LeadCaptured captured = Scenario.given(captured()).when(ignored -> Lead.capture(ACME, DRAFT, REP, T0))
                .thenSingleEvent(LeadCaptured.class);

        assertThat(captured.company()).isEqualTo("Globex Trading");
        assertThat(captured.phone()).isEqualTo("+86 21 5555 0100");
        assertThat(captured().status()).isEqualTo(LeadStatus.NEW);
        assertThat(captured().owner()).isEmpty();
    }

    @Test
    void the_conversion_event_carries_company_contact_name_email_and_phone_for_the_account_and_contact() {
        LeadConverted converted = Scenario.given(qualified())
                .when(l -> l.convert("acct-9", "ct-9", "opp-9", NONE, DuplicatePolicy.REFUSE, REP, day(3)))
                .thenSingleEvent(LeadConverted.class);

        assertThat(converted.contact()).isEqualTo(new LeadContact("Globex Trading", "Li Wei", "buyer@globex.cn",
                "+86 21 5555 0100", "91310000X"));
        assertThat(converted.opportunityId()).isEqualTo("opp-9");
        assertThat(converted.mergedInto()).isEmpty();
    }

    @Test
    void a_disqualified_or_converted_lead_can_no_longer_be_assigned_or_disqualified() {
        Lead disqualified = captured().disqualify("no budget", REP, day(1)).get().state();

        Scenario.given(disqualified).when(l -> l.assign(REP, REP, day(2))).thenRejected(FunnelRejection.LEAD_STATUS);
        Scenario.given(disqualified).when(l -> l.disqualify("again", REP, day(2)))
                .thenRejected(FunnelRejection.LEAD_STATUS);
    }

    @Test
    void a_round_robin_cursor_refuses_an_empty_team_and_an_invalid_team_id_at_once() {
        Scenario.given(LeadRoundRobin.start(ACME, "bad team")).when(c -> c.pick(List.of(), REP, T0))
                .thenRejected(SharedRejection.NOT_ALLOWED, FunnelRejection.NO_ASSIGNEE);
    }

    @Test
    void round_robin_hands_out_leads_evenly_whatever_the_team_size_and_the_starting_cursor() {
        qt().withExamples(1000).forAll(integers().between(1, 9), integers().between(0, 60), longs().between(0, 1_000_000))
                .checkAssert((size, picks, start) -> {
                    List<ActorId> team = java.util.stream.IntStream.range(0, size).mapToObj(i -> ActorId.of("m" + i))
                            .toList();
                    LeadRoundRobin cursor = new LeadRoundRobin("inside", ACME, start);
                    Map<ActorId, Integer> counts = new java.util.HashMap<>();
                    for (int i = 0; i < picks; i++) {
                        var change = cursor.pick(team, REP, T0).get();
                        ActorId picked = ((LeadEvents.RoundRobinAdvanced) change.events().get(0)).picked();
                        counts.merge(picked, 1, Integer::sum);
                        cursor = change.state();
                    }
                    assertThat(cursor.next()).isEqualTo(start + picks);
                    for (ActorId member : team) {
                        assertThat(counts.getOrDefault(member, 0)).isBetween(picks / size, (picks + size - 1) / size);
                    }
                });
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
