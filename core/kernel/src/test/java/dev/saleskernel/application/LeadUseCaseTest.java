package dev.saleskernel.application;

import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.AccountValues.AccountDraft;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.AccountValues.Contact;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.funnel.CreditSplit;
import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.Lead;
import dev.saleskernel.funnel.LeadAssignment;
import dev.saleskernel.funnel.LeadDraft;
import dev.saleskernel.funnel.LeadStatus;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadUseCaseTest {
    static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    int commands;

    CommandContext as(String actor) {
        return CommandContext.of("acme", actor, "cmd-" + (++commands));
    }

    <T> T ok(Either<Rejected, Executed<T>> result) {
        assertThat(result.isRight()).as("%s", result).isTrue();
        return result.get().state();
    }

    List<PublishedEvent> drain() {
        List<PublishedEvent> events = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), events::add);
        return events;
    }

    static LeadDraft draft(String id, String territory) {
        return new LeadDraft(id, "Globex Trading", "Li Wei", "buyer@globex.cn", "+86 21 5555 0100", "91310000X", "fair",
                "spring-expo", territory);
    }

    static final LeadService.NewAccount NEW_ACCOUNT = new LeadService.NewAccount("trading", "east", AccountSize.MEDIUM,
            "direct", Money.of("50000.00", CNY), CreditPolicy.REFUSE, 30);

    static LeadService.Conversion conversion(String opportunityId) {
        return conversion(opportunityId, Lead.DuplicatePolicy.REFUSE);
    }

    static LeadService.Conversion conversion(String opportunityId, Lead.DuplicatePolicy policy) {
        return new LeadService.Conversion("acct-1", "ct-1", "buyer", "seeds", OpportunityDraft.of(opportunityId, "", REP,
                CNY, List.of(line("p", "2", "500.00", "0"))), NEW_ACCOUNT, policy);
    }

    void storedAccount(String id, String name) {
        ok(kernel.accounts().create(as("admin"), new AccountDraft(id, new AccountProfile(name, "trading", "east",
                AccountSize.LARGE, "direct", "", "", ""), "rep-9", Money.of("10000.00", CNY), CreditPolicy.WARN, 30)));
    }

    void qualifiedLead(String id) {
        ok(kernel.leads().capture(as("rep-1"), draft(id, "east")));
        ok(kernel.leads().assign(as("manager-1"), id, REP));
        ok(kernel.leads().startWorking(as("rep-1"), id));
        ok(kernel.leads().qualify(as("rep-1"), id, Map.of("budget", "yes")));
    }

    @Test
    void converting_a_qualified_lead_creates_account_contact_and_opportunity_in_one_commit_and_the_event_carries_the_contact() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        qualifiedLead("l-1");
        drain();

        Executed<Lead> converted = kernel.leads().convert(as("rep-1"), "l-1", conversion("o-1")).get();

        assertThat(converted.state().status()).isEqualTo(LeadStatus.CONVERTED);
        Opportunity created = kernel.opportunities().find(ACME, "o-1").orElseThrow();
        assertThat(created.accountId()).isEqualTo("acct-1");
        assertThat(created.stageId()).isEqualTo("lead-identification");
        Account account = kernel.accounts().find(ACME, "acct-1").orElseThrow();
        assertThat(account.profile().name()).isEqualTo("Globex Trading");
        assertThat(account.profile().taxId()).isEqualTo("91310000X");
        assertThat(account.owner()).isEqualTo(REP.value());
        assertThat(account.contacts().values()).extracting(Contact::contactId, Contact::name, Contact::role, Contact::email)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ct-1", "Li Wei", "buyer", "buyer@globex.cn"));
        List<PublishedEvent> events = drain();
        assertThat(events).extracting(PublishedEvent::eventType).containsExactly("funnel.lead-converted",
                "customer.account-created", "customer.contact-added", "funnel.opportunity-created",
                "funnel.stage-entered");
        assertThat(events).extracting(PublishedEvent::commandId).containsOnly(events.get(0).commandId());
        assertThat(events.get(0).payloadJson()).contains("\"company\":\"Globex Trading\"", "\"contactName\":\"Li Wei\"",
                "\"email\":\"buyer@globex.cn\"", "\"phone\":\"+86 21 5555 0100\"", "\"opportunityId\":\"o-1\"");
        assertThat(events.get(3).subjectType()).isEqualTo("opportunity");
    }

    @Test
    void converting_again_changes_nothing_and_converting_into_another_opportunity_is_refused() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        qualifiedLead("l-1");
        CommandContext first = as("rep-1");
        ok(kernel.leads().convert(first, "l-1", conversion("o-1")));
        drain();

        Executed<Lead> replayed = kernel.leads().convert(first, "l-1", conversion("o-1")).get();
        Executed<Lead> again = kernel.leads().convert(as("rep-1"), "l-1", conversion("o-1")).get();
        Rejected other = kernel.leads().convert(as("rep-1"), "l-1", conversion("o-2")).getLeft();

        assertThat(replayed.replayed()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(other.codes()).containsExactly("funnel/ALREADY_CONVERTED");
        assertThat(kernel.opportunities().find(ACME, "o-2")).isEmpty();
        assertThat(kernel.opportunities().all(ACME)).hasSize(1);
        assertThat(drain()).isEmpty();
    }

    @Test
    void a_refused_conversion_names_the_reasons_of_the_lead_and_of_the_opportunity_and_writes_nothing() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        storedAccount("a-9", "GLOBEX  trading");
        ok(kernel.leads().capture(as("rep-1"), draft("l-1", "east")));
        drain();
        OpportunityDraft badSplits = new OpportunityDraft("o-1", "", REP,
                List.of(new CreditSplit(REP, new BigDecimal("60")), new CreditSplit(ActorId.of("rep-2"), BigDecimal.TEN)),
                CNY, List.of(), Optional.empty(), "", "", "", "");

        Rejected refused = kernel.leads().convert(as("rep-1"), "l-1", new LeadService.Conversion("acct-1", "ct-1", "buyer",
                "seeds", badSplits, NEW_ACCOUNT, Lead.DuplicatePolicy.REFUSE)).getLeft();

        assertThat(refused.codes()).containsExactly("funnel/LEAD_STATUS", "funnel/DUPLICATE_ACCOUNT",
                "funnel/SPLITS_INVALID");
        assertThat(kernel.leads().find(ACME, "l-1").orElseThrow().status()).isEqualTo(LeadStatus.NEW);
        assertThat(kernel.opportunities().find(ACME, "o-1")).isEmpty();
        assertThat(kernel.accounts().find(ACME, "acct-1")).isEmpty();
        assertThat(drain()).isEmpty();
    }

    @Test
    void under_merge_a_lead_that_duplicates_a_stored_account_adds_its_contact_there_and_creates_no_new_account() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        storedAccount("a-9", "Globex Trading");
        qualifiedLead("l-1");
        drain();

        Executed<Lead> converted = kernel.leads().convert(as("rep-1"), "l-1", conversion("o-1",
                Lead.DuplicatePolicy.MERGE)).get();

        assertThat(converted.state().conversion().orElseThrow().mergedInto()).contains("a-9");
        assertThat(kernel.accounts().find(ACME, "acct-1")).isEmpty();
        assertThat(kernel.accounts().find(ACME, "a-9").orElseThrow().contacts().values()).extracting(Contact::contactId)
                .containsExactly("ct-1");
        assertThat(kernel.opportunities().find(ACME, "o-1").orElseThrow().accountId()).isEqualTo("a-9");
        assertThat(drain()).extracting(PublishedEvent::eventType).containsExactly("funnel.lead-converted",
                "customer.contact-added", "funnel.opportunity-created", "funnel.stage-entered");
    }

    @Test
    void under_refuse_a_lead_that_duplicates_a_stored_account_is_refused_once_per_duplicate_and_writes_nothing() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        storedAccount("a-9", "Globex Trading");
        qualifiedLead("l-1");
        drain();

        Rejected refused = kernel.leads().convert(as("rep-1"), "l-1", conversion("o-1")).getLeft();

        assertThat(refused.codes()).containsExactly("funnel/DUPLICATE_ACCOUNT");
        assertThat(refused.reasons().get(0).evidence()).containsEntry("accountId", "a-9");
        assertThat(kernel.leads().find(ACME, "l-1").orElseThrow().status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(kernel.accounts().find(ACME, "acct-1")).isEmpty();
        assertThat(kernel.accounts().find(ACME, "a-9").orElseThrow().contacts()).isEmpty();
        assertThat(drain()).isEmpty();
    }

    @Test
    void a_conversion_into_an_existing_opportunity_id_is_refused_and_leaves_the_lead_qualified() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        ok(kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "acct-0", REP, CNY, List.of())));
        qualifiedLead("l-1");

        Rejected refused = kernel.leads().convert(as("rep-1"), "l-1", conversion("o-1")).getLeft();

        assertThat(refused.codes()).containsExactly("shared/ALREADY_EXISTS");
        assertThat(kernel.leads().find(ACME, "l-1").orElseThrow().status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(kernel.opportunities().find(ACME, "o-1").orElseThrow().accountId()).isEqualTo("acct-0");
    }

    @Test
    void assignment_by_rules_prefers_the_territory_owner_and_otherwise_goes_round_robin_with_a_stored_cursor() {
        LeadAssignment.Rules rules = new LeadAssignment.Rules(Map.of("east", ActorId.of("east-owner")), "inside",
                List.of(ActorId.of("a"), ActorId.of("b")));
        for (String id : List.of("l-1", "l-2", "l-3", "l-4")) {
            ok(kernel.leads().capture(as("web"), draft(id, id.equals("l-2") ? "east" : "west")));
        }

        List<String> owners = new ArrayList<>();
        for (String id : List.of("l-1", "l-2", "l-3", "l-4")) {
            owners.add(ok(kernel.leads().assignByRules(as("router"), id, rules)).owner().orElseThrow().value());
        }

        assertThat(owners).containsExactly("a", "east-owner", "b", "a");
        assertThat(kernel.leads().roundRobin(ACME, "inside").orElseThrow().next()).isEqualTo(3);
        assertThat(drain()).extracting(PublishedEvent::eventType).filteredOn(t -> !t.equals("funnel.lead-captured"))
                .containsExactly("funnel.lead-assigned", "funnel.lead-round-robin-advanced", "funnel.lead-assigned",
                        "funnel.lead-assigned", "funnel.lead-round-robin-advanced", "funnel.lead-assigned",
                        "funnel.lead-round-robin-advanced");
    }

    @Test
    void a_refused_round_robin_assignment_does_not_move_the_cursor() {
        LeadAssignment.Rules rules = new LeadAssignment.Rules(Map.of(), "inside", List.of(ActorId.of("a")));
        ok(kernel.leads().capture(as("web"), draft("l-1", "")));
        ok(kernel.leads().disqualify(as("rep-1"), "l-1", "spam"));

        Rejected refused = kernel.leads().assignByRules(as("router"), "l-1", rules).getLeft();
        Rejected emptyTeam = kernel.leads().assignByRules(as("router"), "l-1",
                new LeadAssignment.Rules(Map.of(), "inside", List.of())).getLeft();

        assertThat(refused.codes()).containsExactly("funnel/LEAD_STATUS");
        assertThat(emptyTeam.codes()).containsExactly("funnel/LEAD_STATUS", "funnel/NO_ASSIGNEE");
        assertThat(kernel.leads().roundRobin(ACME, "inside")).isEmpty();
    }

    @Test
    void another_tenant_neither_sees_nor_converts_the_lead() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        qualifiedLead("l-1");

        Rejected refused = kernel.leads().convert(CommandContext.of("globex", "rep-1", "g-1"), "l-1", conversion("o-1"))
                .getLeft();

        assertThat(kernel.leads().find(TenantId.of("globex"), "l-1")).isEmpty();
        assertThat(refused.codes()).containsExactly("shared/NOT_FOUND");
        assertThat(kernel.leads().find(ACME, "l-1").orElseThrow().status()).isEqualTo(LeadStatus.QUALIFIED);
    }
}
