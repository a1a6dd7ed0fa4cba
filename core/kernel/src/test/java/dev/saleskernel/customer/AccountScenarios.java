package dev.saleskernel.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.AccountValues.Contact;
import dev.saleskernel.customer.AccountValues.DuplicateMatch;
import dev.saleskernel.customer.AccountValues.Interaction;
import dev.saleskernel.customer.AccountValues.InteractionKind;
import dev.saleskernel.customer.AccountValues.InteractionOutcome;
import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.AccountValues.ReceivableFact;
import dev.saleskernel.customer.AccountValues.SatisfactionScore;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.testing.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountScenarios {
    static final Currency CNY = Currency.getInstance("CNY");
    static final ActorId ADMIN = new ActorId("admin");
    static final ActorId MANAGER = new ActorId("manager");
    static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-05-01");
    static final DuplicateRules FLAG = DuplicateRules.defaults(DuplicateRules.Policy.FLAG);
    static final DuplicateRules REFUSE = DuplicateRules.defaults(DuplicateRules.Policy.REFUSE);
    static final LifecycleRules RULES = LifecycleRules.DEFAULTS;

    static Money cny(String amount) {
        return Money.of(amount, CNY);
    }

    static AccountProfile profile(String name) {
        return new AccountProfile(name, "retail", "east", AccountSize.MEDIUM, "DIRECT", "91-3100-0001", "buyer@acme.cn",
                "+86 21 5555 0101");
    }

    static Account account() {
        return Account.create("a-1", profile("ACME Ltd."), "rep-1", cny("10000.00"), CreditPolicy.REFUSE, 30, REFUSE, List.of(),
                DAY, ADMIN, AT).get().state();
    }

    static Account bought(Account account, String sourceId, LocalDate on) {
        return account.recordPurchase(new PurchaseFact(sourceId, on, cny("500.00")), ADMIN, AT).get().state();
    }

    @Test
    void a_new_account_is_a_prospect_owned_by_its_rep_with_the_credit_terms_given() {
        var created = account();
        assertThat(created.owner()).isEqualTo("rep-1");
        assertThat(created.lifecycleOn(RULES, DAY)).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(created.credit().headroom()).isEqualTo(cny("10000.00"));
        assertThat(created.ownerHistory()).hasSize(1);
        assertThat(created.duplicateKeys()).containsEntry(DuplicateRules.Key.NAME, "acme")
                .containsEntry(DuplicateRules.Key.TAX_ID, "9131000001").containsEntry(DuplicateRules.Key.EMAIL_DOMAIN, "acme.cn")
                .containsEntry(DuplicateRules.Key.PHONE, "862155550101");
    }

    @Test
    void creating_with_a_blank_name_a_bad_email_a_negative_limit_and_negative_terms_names_every_reason() {
        var profile = new AccountProfile(" ", "retail", "", AccountSize.SMALL, "DIRECT", "", "no-at-sign", "");
        var refused = Account.create("a-2", profile, "", cny("-1.00"), CreditPolicy.WARN, -5, REFUSE, List.of(),
                DAY, ADMIN, AT).getLeft();
        assertThat(refused.codes()).containsExactlyInAnyOrder("shared/REQUIRED", "shared/REQUIRED", "shared/REQUIRED",
                "customer/INVALID_CONTACT_DATA", "customer/AMOUNT_OUT_OF_RANGE", "customer/VALUE_OUT_OF_RANGE");
        assertThat(refused.reasons()).extracting(r -> r.field())
                .contains("owner", "profile.name", "profile.region", "profile.email", "creditLimit", "paymentTermsDays");
    }

    @Test
    void under_refuse_every_duplicate_match_is_a_reason_naming_the_other_account_and_key() {
        var matches = List.of(new DuplicateMatch("a-1", DuplicateRules.Key.TAX_ID, "9131000001"),
                new DuplicateMatch("a-9", DuplicateRules.Key.PHONE, "862155550101"));
        var refused = Account.create("a-2", profile("Acme"), "rep-2", cny("1.00"), CreditPolicy.WARN, 0, REFUSE, matches,
                DAY, ADMIN, AT).getLeft();
        assertThat(refused.codes()).containsExactly("customer/DUPLICATE_SUSPECTED", "customer/DUPLICATE_SUSPECTED");
        assertThat(refused.reasons()).extracting(r -> r.field()).containsExactly("profile.taxId", "profile.phone");
        assertThat(refused.reasons().get(1).evidence()).containsEntry("account", "a-9").containsEntry("value", "862155550101");
    }

    @Test
    void under_flag_the_account_is_created_marked_and_an_event_names_the_matches() {
        var matches = List.of(new DuplicateMatch("a-1", DuplicateRules.Key.NAME, "acme"));
        var change = Account.create("a-2", profile("Acme"), "rep-2", cny("1.00"), CreditPolicy.WARN, 0, FLAG, matches,
                DAY, ADMIN, AT).get();
        assertThat(change.state().duplicateSuspect()).isTrue();
        assertThat(change.events()).hasSize(2);
        var suspected = (AccountEvents.DuplicateSuspected) change.events().get(1);
        assertThat(suspected.matches()).containsExactlyElementsOf(matches);
        var cleared = Scenario.given(change.state()).when(a -> a.clearDuplicateSuspicion("different legal entity", MANAGER, AT))
                .thenSingleEvent(AccountEvents.DuplicateSuspicionCleared.class);
        assertThat(cleared.matches()).containsExactlyElementsOf(matches);
    }

    @Test
    void clearing_a_suspicion_on_an_unmarked_account_is_refused() {
        Scenario.given(account()).when(a -> a.clearDuplicateSuspicion("why", MANAGER, AT))
                .thenRejected(SharedRejection.NOTHING_PENDING);
    }

    @Test
    void the_same_purchase_fact_twice_changes_nothing_and_a_different_one_under_the_same_id_is_refused() {
        Account once = bought(account(), "so-1", DAY);
        assertThat(once.recordPurchase(new PurchaseFact("so-1", DAY, cny("500.00")), ADMIN, AT).get().changedNothing()).isTrue();
        Scenario.given(once).when(a -> a.recordPurchase(new PurchaseFact("so-1", DAY, cny("501.00")), ADMIN, AT))
                .thenRejected(CustomerRejection.FACT_CONFLICT);
    }

    @Test
    void a_purchase_in_another_currency_or_not_positive_is_refused_with_both_reasons() {
        Scenario.given(account()).when(a -> a.recordPurchase(new PurchaseFact("so-1", DAY,
                        Money.of("-1.00", Currency.getInstance("EUR"))), ADMIN, AT))
                .thenRejected(CustomerRejection.CURRENCY_MISMATCH, CustomerRejection.AMOUNT_OUT_OF_RANGE);
    }

    @Test
    void the_first_purchase_makes_a_prospect_active() {
        assertThat(bought(account(), "so-1", DAY).lifecycleOn(RULES, DAY)).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void an_account_is_at_risk_exactly_after_the_idle_threshold_and_not_one_day_before() {
        Account a = bought(account(), "so-1", DAY);
        assertThat(a.lifecycleOn(RULES, DAY.plusDays(89))).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(a.lifecycleOn(RULES, DAY.plusDays(90))).isEqualTo(LifecycleStage.AT_RISK);
    }

    @Test
    void an_account_is_churned_exactly_after_the_churn_threshold_and_not_one_day_before() {
        Account a = bought(account(), "so-1", DAY);
        assertThat(a.lifecycleOn(RULES, DAY.plusDays(179))).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(a.lifecycleOn(RULES, DAY.plusDays(180))).isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    void a_latest_score_below_the_threshold_puts_an_active_account_at_risk_and_one_at_the_threshold_does_not() {
        Account a = bought(account(), "so-1", DAY);
        Account five = a.recordSatisfaction(new SatisfactionScore("nps-1", DAY, 5), ADMIN, AT).get().state();
        Account six = a.recordSatisfaction(new SatisfactionScore("nps-1", DAY, 6), ADMIN, AT).get().state();
        assertThat(five.lifecycleOn(RULES, DAY)).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(six.lifecycleOn(RULES, DAY)).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void a_later_purchase_brings_an_at_risk_account_back_to_active() {
        Account a = bought(bought(account(), "so-1", DAY), "so-2", DAY.plusDays(100));
        assertThat(a.lifecycleOn(RULES, DAY.plusDays(100))).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void a_review_records_a_changed_stage_with_its_figures_and_a_second_review_changes_nothing() {
        Account a = bought(account(), "so-1", DAY);
        var changed = Scenario.given(a).when(x -> x.reviewLifecycle(RULES, DAY.plusDays(95), ADMIN, AT))
                .thenSingleEvent(AccountEvents.LifecycleChanged.class);
        assertThat(changed.from()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(changed.to()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(changed.daysSinceLastPurchase()).isEqualTo(95);
        Account reviewed = a.reviewLifecycle(RULES, DAY.plusDays(95), ADMIN, AT).get().state();
        assertThat(reviewed.reviewLifecycle(RULES, DAY.plusDays(96), ADMIN, AT).get().changedNothing()).isTrue();
    }

    @Test
    void lifecycle_rules_with_churn_before_risk_are_refused_with_every_reason() {
        var refused = LifecycleRules.of(0, 0, 12).getLeft();
        assertThat(refused.reasons()).extracting(r -> r.field())
                .containsExactly("atRiskAfterDays", "churnedAfterDays", "satisfactionBelow");
    }

    @Test
    void a_score_outside_zero_to_ten_is_refused() {
        Scenario.given(account()).when(a -> a.recordSatisfaction(new SatisfactionScore("nps-1", DAY, 11), ADMIN, AT))
                .thenRejected(CustomerRejection.VALUE_OUT_OF_RANGE);
    }

    @Test
    void receivables_reported_by_the_ledger_count_against_the_credit_limit_and_a_payment_releases_them() {
        Account a = account().reportReceivable(new ReceivableFact("inv-1", cny("4000.00"), DAY.plusDays(30)), ADMIN, AT)
                .get().state();
        assertThat(a.credit().headroom()).isEqualTo(cny("6000.00"));
        Scenario.given(a).when(x -> x.recordOrder("so-1", cny("6000.01"), Optional.empty(), ADMIN, AT))
                .thenRejected(CustomerRejection.CREDIT_LIMIT_EXCEEDED);
        Account paid = a.reportReceivable(new ReceivableFact("inv-1", cny("0.00"), DAY.plusDays(30)), ADMIN, AT).get().state();
        Scenario.given(paid).when(x -> x.recordOrder("so-1", cny("6000.01"), Optional.empty(), ADMIN, AT))
                .thenEvents(CreditEvents.CreditExposureRecorded.class);
    }

    @Test
    void a_receivable_open_after_its_due_date_is_overdue_and_not_on_the_due_date() {
        Account a = account().reportReceivable(new ReceivableFact("inv-1", cny("400.00"), DAY), ADMIN, AT).get().state();
        assertThat(a.overdueOn(DAY)).isEqualTo(cny("0"));
        assertThat(a.overdueOn(DAY.plusDays(1))).isEqualTo(cny("400.00"));
    }

    @Test
    void closing_and_reopening_an_order_on_the_account_is_checked_again() {
        Account a = account().recordOrder("so-1", cny("6000.00"), Optional.empty(), ADMIN, AT).get().state()
                .closeOrder("so-1", ADMIN, AT).get().state()
                .recordOrder("so-2", cny("5000.00"), Optional.empty(), ADMIN, AT).get().state();
        Scenario.given(a).when(x -> x.reopenOrder("so-1", Optional.empty(), ADMIN, AT))
                .thenRejected(CustomerRejection.CREDIT_LIMIT_EXCEEDED);
    }

    @Test
    void recording_the_same_order_again_changes_nothing() {
        Account a = account().recordOrder("so-1", cny("6000.00"), Optional.empty(), ADMIN, AT).get().state();
        assertThat(a.recordOrder("so-1", cny("6000.00"), Optional.empty(), ADMIN, AT).get().changedNothing()).isTrue();
    }

    @Test
    void new_credit_terms_apply_to_the_next_order() {
        Account a = account().changeCreditTerms(cny("100.00"), CreditPolicy.REQUIRE_APPROVAL, 60, ADMIN, AT).get().state();
        assertThat(a.paymentTermsDays()).isEqualTo(60);
        Scenario.given(a).when(x -> x.recordOrder("so-1", cny("100.01"), Optional.empty(), ADMIN, AT))
                .thenRejected(CustomerRejection.CREDIT_APPROVAL_REQUIRED);
    }

    @Test
    void a_handover_closes_the_old_ownership_the_day_before_and_opens_the_new_one_with_its_reason() {
        var change = account().handOver("rep-2", DAY.plusDays(10), "rep-1 left", MANAGER, AT).get();
        assertThat(change.state().owner()).isEqualTo("rep-2");
        assertThat(change.state().ownerHistory()).extracting(p -> p.rep() + ":" + p.until().map(Object::toString).orElse("-"))
                .containsExactly("rep-1:2026-05-10", "rep-2:-");
        assertThat(change.events()).singleElement().isInstanceOf(AccountEvents.AccountHandedOver.class);
    }

    @Test
    void a_handover_to_the_current_owner_without_a_reason_is_refused_with_both_reasons() {
        Scenario.given(account()).when(a -> a.handOver("rep-1", DAY.plusDays(1), " ", MANAGER, AT))
                .thenRejected(CustomerRejection.SAME_OWNER, SharedRejection.REQUIRED);
    }

    @Test
    void contacts_and_interactions_are_kept_and_an_interaction_logged_twice_is_kept_once() {
        Account a = account().addContact(new Contact("c-1", "Li Wei", "buyer", "li@acme.cn", ""), ADMIN, AT).get().state();
        Scenario.given(a).when(x -> x.addContact(new Contact("c-1", "Other", "cfo", "", ""), ADMIN, AT))
                .thenRejected(SharedRejection.ALREADY_EXISTS);
        Interaction visit = new Interaction("i-1", InteractionKind.VISIT, DAY, "rep-1", InteractionOutcome.POSITIVE, "demo");
        Account visited = a.logInteraction(visit, ADMIN, AT).get().state();
        assertThat(visited.logInteraction(visit, ADMIN, AT).get().changedNothing()).isTrue();
        assertThat(visited.interactions()).containsExactly(visit);
        assertThat(visited.contacts()).containsOnlyKeys("c-1");
    }

    @Test
    void duplicate_keys_ignore_legal_forms_punctuation_free_mail_and_phone_formatting() {
        var existing = new AccountProfile("Acme Limited", "retail", "east", AccountSize.SMALL, "DIRECT", "",
                "someone@gmail.com", "021-5555-0101");
        var candidate = new AccountProfile("ACME, Ltd.", "retail", "west", AccountSize.SMALL, "DIRECT", "",
                "other@gmail.com", "(021) 5555 0101");
        assertThat(FLAG.matches("new", candidate, Map.of("a-1", existing)))
                .containsExactly(new DuplicateMatch("a-1", DuplicateRules.Key.NAME, "acme"),
                        new DuplicateMatch("a-1", DuplicateRules.Key.PHONE, "02155550101"));
    }

    @Test
    void a_chinese_legal_form_written_without_a_space_is_ignored_in_names() {
        assertThat(FLAG.normalisedName("上海星辰贸易有限公司")).isEqualTo(FLAG.normalisedName("上海星辰贸易"));
    }

    @Test
    void a_short_phone_and_empty_fields_give_no_key() {
        var p = new AccountProfile("X", "retail", "east", AccountSize.SMALL, "DIRECT", "", "", "12-34");
        assertThat(FLAG.keysOf(p)).containsOnlyKeys(DuplicateRules.Key.NAME);
    }
}
