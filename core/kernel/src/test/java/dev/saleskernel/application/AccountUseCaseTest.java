package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.customer.AccountValues.AccountDraft;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.AccountValues.ReceivableFact;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.customer.DuplicateRules;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accounts through the facade on the real in-memory store: duplicate lookup by index, facts, credit on orders, outbox. */
class AccountUseCaseTest {
    static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final Currency CNY = Currency.getInstance("CNY");

    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));

    SalesKernel kernel(DuplicateRules.Policy policy) {
        return SalesKernel.builder().recordStore(store).outboxStore(store).authorization(Authorization.allowEverything())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).duplicateRules(DuplicateRules.defaults(policy)).build();
    }

    static AccountDraft draft(String id, String name, String taxId, String email, String phone) {
        return new AccountDraft(id, new AccountProfile(name, "retail", "east", AccountSize.MEDIUM, "DIRECT", taxId, email, phone),
                "rep-1", Money.of("10000.00", CNY), CreditPolicy.REFUSE, 30);
    }

    static CommandContext as(String command) {
        return CommandContext.of("acme", "alice", command);
    }

    List<PublishedEvent> drain(SalesKernel kernel) {
        List<PublishedEvent> events = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), events::add);
        return events;
    }

    @Test
    void a_second_account_with_the_same_tax_id_and_phone_is_refused_naming_both_and_nothing_is_stored() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.REFUSE);
        kernel.accounts().create(as("c-1"), draft("a-1", "Acme Ltd", "DE-123", "x@acme.de", "030 1234 5678")).get();

        var refused = kernel.accounts().create(as("c-2"), draft("a-2", "Other GmbH", "de123", "y@other.de", "+49 30 1234 5678"))
                .getLeft();

        assertThat(refused.reasons()).extracting(r -> r.field()).containsExactly("profile.taxId");
        assertThat(refused.codes()).containsExactly("customer/DUPLICATE_SUSPECTED");
        assertThat(kernel.accounts().find(ACME, "a-2")).isEmpty();
    }

    @Test
    void under_flag_the_suspect_is_stored_marked_and_the_outbox_names_the_matches() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.FLAG);
        kernel.accounts().create(as("c-1"), draft("a-1", "Acme Ltd", "", "x@acme.de", "")).get();
        drain(kernel);

        var created = kernel.accounts().create(as("c-2"), draft("a-2", "ACME", "", "sales@ACME.de", "")).get();

        assertThat(created.state().duplicateSuspect()).isTrue();
        assertThat(drain(kernel)).extracting(PublishedEvent::eventType)
                .containsExactly("customer.account-created", "customer.duplicate-suspected");
        assertThat(kernel.accounts().find(ACME, "a-2").get().duplicateSuspects()).hasSize(2);
    }

    @Test
    void free_mail_addresses_never_make_two_accounts_duplicates() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.REFUSE);
        kernel.accounts().create(as("c-1"), draft("a-1", "Alpha", "", "a@gmail.com", "")).get();

        assertThat(kernel.accounts().create(as("c-2"), draft("a-2", "Beta", "", "b@gmail.com", "")).isRight()).isTrue();
    }

    @Test
    void duplicates_in_another_tenant_are_not_seen() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.REFUSE);
        kernel.accounts().create(CommandContext.of("globex", "bob", "c-1"), draft("a-1", "Acme", "", "", "")).get();

        assertThat(kernel.accounts().create(as("c-2"), draft("a-1", "Acme", "", "", "")).isRight()).isTrue();
    }

    @Test
    void an_order_over_the_credit_limit_is_refused_after_receivables_and_the_account_is_unchanged() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.REFUSE);
        kernel.accounts().create(as("c-1"), draft("a-1", "Acme", "", "", "")).get();
        kernel.accounts().reportReceivable(as("c-2"), "a-1", new ReceivableFact("inv-1", Money.of("2500.00", CNY),
                LocalDate.parse("2026-05-30"))).get();
        long before = kernel.accounts().find(ACME, "a-1").get().credit().openDocuments().size();

        var refused = kernel.accounts().recordOrder(as("c-3"), "a-1", "so-1", Money.of("7500.01", CNY), Optional.empty());

        assertThat(refused.getLeft().codes()).containsExactly("customer/CREDIT_LIMIT_EXCEEDED");
        assertThat(kernel.accounts().find(ACME, "a-1").get().credit().openDocuments()).hasSize((int) before);
        var recorded = kernel.accounts().recordOrder(as("c-4"), "a-1", "so-1", Money.of("7500.00", CNY), Optional.empty()).get();
        assertThat(recorded.state().credit().headroom()).isEqualTo(Money.of("0.00", CNY));
    }

    @Test
    void a_purchase_fact_replayed_under_a_new_command_id_changes_nothing_and_raises_no_event() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.REFUSE);
        kernel.accounts().create(as("c-1"), draft("a-1", "Acme", "", "", "")).get();
        PurchaseFact fact = new PurchaseFact("erp-1", LocalDate.parse("2026-04-30"), Money.of("100.00", CNY));
        kernel.accounts().recordPurchase(as("c-2"), "a-1", fact).get();
        drain(kernel);

        var again = kernel.accounts().recordPurchase(as("c-3"), "a-1", fact).get();

        assertThat(again.events()).isEmpty();
        assertThat(drain(kernel)).isEmpty();
    }

    @Test
    void an_invalid_account_id_is_refused_not_thrown() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.REFUSE);
        assertThat(kernel.accounts().create(as("c-1"), draft("a 1", "Acme", "", "", "")).getLeft().codes())
                .containsExactly("shared/NOT_ALLOWED");
        assertThat(kernel.accounts().recordOrder(as("c-2"), "", "so", Money.of("1", CNY), Optional.of(ActorId.of("x")))
                .getLeft().codes()).containsExactly("shared/NOT_ALLOWED");
    }

    @Test
    void accounts_are_found_by_owner_through_the_index() {
        SalesKernel kernel = kernel(DuplicateRules.Policy.REFUSE);
        kernel.accounts().create(as("c-1"), draft("a-1", "Acme", "", "", "")).get();
        kernel.accounts().create(as("c-2"), draft("a-2", "Globex", "", "", "")).get();
        kernel.accounts().handOver(as("c-3"), "a-2", "rep-2", LocalDate.parse("2026-05-02"), "territory change").get();

        assertThat(kernel.accounts().ownedBy(ACME, "rep-1")).extracting(a -> a.id()).containsExactly("a-1");
        assertThat(kernel.accounts().ownedBy(ACME, "rep-2")).extracting(a -> a.id()).containsExactly("a-2");
    }
}
