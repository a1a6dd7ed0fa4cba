package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.AccountEvents;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.AccountValues.Contact;
import dev.saleskernel.customer.AccountValues.DuplicateMatch;
import dev.saleskernel.customer.AccountValues.Interaction;
import dev.saleskernel.customer.AccountValues.InteractionKind;
import dev.saleskernel.customer.AccountValues.InteractionOutcome;
import dev.saleskernel.customer.AccountValues.OwnerPeriod;
import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.AccountValues.ReceivableFact;
import dev.saleskernel.customer.AccountValues.SatisfactionScore;
import dev.saleskernel.customer.CreditAccount;
import dev.saleskernel.customer.CreditEvents;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.customer.DuplicateRules;
import dev.saleskernel.customer.LifecycleStage;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.money.Money;
import dev.saleskernel.persistence.spi.IndexValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Schema version 1 of the {@code account} record (the account with its credit exposure), and
 * the payloads of the account and credit events. Amounts are plain decimal strings in the
 * account's {@code currency}.
 *
 * <p>Index fields: {@code owner}, {@code region}, {@code industry}, and one {@code dup_<key>} per
 * duplicate key the account has ({@code dup_name}, {@code dup_tax_id}, {@code dup_email_domain},
 * {@code dup_phone}) so that duplicate detection is an index lookup in every store.
 */
public final class AccountCodec extends DocumentCodec<Account, AccountCodec.AccountDocument> {

    public static final String RECORD_TYPE = "account";

    /** The index field holding an account's duplicate key of this kind. */
    public static String duplicateIndex(DuplicateRules.Key key) {
        return "dup_" + key.name().toLowerCase(java.util.Locale.ROOT);
    }

    public record ProfileDocument(@JsonProperty("name") String name, @JsonProperty("industry") String industry,
                                  @JsonProperty("region") String region, @JsonProperty("size") String size,
                                  @JsonProperty("channel") String channel, @JsonProperty("taxId") String taxId,
                                  @JsonProperty("email") String email, @JsonProperty("phone") String phone) {
        static ProfileDocument of(AccountProfile p) {
            return new ProfileDocument(p.name(), p.industry(), p.region(), p.size().name(), p.channel(), p.taxId(),
                    p.email(), p.phone());
        }

        AccountProfile toProfile() {
            return new AccountProfile(name, industry, region, AccountSize.valueOf(size), channel, taxId, email, phone);
        }
    }

    public record OwnerDocument(@JsonProperty("rep") String rep, @JsonProperty("from") String from,
                                @JsonProperty("until") String until, @JsonProperty("reason") String reason) {
    }

    public record ContactDocument(@JsonProperty("contactId") String contactId, @JsonProperty("name") String name,
                                  @JsonProperty("role") String role, @JsonProperty("email") String email,
                                  @JsonProperty("phone") String phone) {
    }

    public record InteractionDocument(@JsonProperty("interactionId") String interactionId,
                                      @JsonProperty("kind") String kind, @JsonProperty("on") String on,
                                      @JsonProperty("rep") String rep, @JsonProperty("outcome") String outcome,
                                      @JsonProperty("note") String note) {
    }

    public record PurchaseDocument(@JsonProperty("sourceId") String sourceId, @JsonProperty("on") String on,
                                   @JsonProperty("amount") String amount) {
    }

    public record ScoreDocument(@JsonProperty("sourceId") String sourceId, @JsonProperty("on") String on,
                                @JsonProperty("score") int score) {
    }

    public record ReceivableDocument(@JsonProperty("invoiceId") String invoiceId, @JsonProperty("open") String open,
                                     @JsonProperty("dueDate") String dueDate) {
    }

    public record MatchDocument(@JsonProperty("accountId") String accountId, @JsonProperty("key") String key,
                                @JsonProperty("value") String value) {
        static MatchDocument of(DuplicateMatch m) {
            return new MatchDocument(m.accountId(), m.key().name(), m.value());
        }
    }

    public record AccountDocument(@JsonProperty("id") String id, @JsonProperty("currency") String currency,
                                  @JsonProperty("profile") ProfileDocument profile, @JsonProperty("owner") String owner,
                                  @JsonProperty("ownerHistory") List<OwnerDocument> ownerHistory,
                                  @JsonProperty("contacts") List<ContactDocument> contacts,
                                  @JsonProperty("interactions") List<InteractionDocument> interactions,
                                  @JsonProperty("purchases") List<PurchaseDocument> purchases,
                                  @JsonProperty("satisfaction") List<ScoreDocument> satisfaction,
                                  @JsonProperty("receivables") List<ReceivableDocument> receivables,
                                  @JsonProperty("paymentTermsDays") int paymentTermsDays,
                                  @JsonProperty("creditLimit") String creditLimit,
                                  @JsonProperty("creditPolicy") String creditPolicy,
                                  @JsonProperty("openOrders") Map<String, String> openOrders,
                                  @JsonProperty("closedOrders") Map<String, String> closedOrders,
                                  @JsonProperty("duplicateKeys") Map<String, String> duplicateKeys,
                                  @JsonProperty("duplicateSuspects") List<MatchDocument> duplicateSuspects,
                                  @JsonProperty("reviewedStage") String reviewedStage) {
    }

    public AccountCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, AccountDocument.class, List.of());
    }

    @Override
    public String recordId(Account account) {
        return account.id();
    }

    @Override
    public Map<String, IndexValue> indexes(Account a) {
        Map<String, IndexValue> indexes = new TreeMap<>();
        indexes.put("owner", IndexValue.text(a.owner()));
        indexes.put("region", IndexValue.text(a.profile().region()));
        indexes.put("industry", IndexValue.text(a.profile().industry()));
        a.duplicateKeys().forEach((key, value) -> indexes.put(duplicateIndex(key), IndexValue.text(value)));
        return indexes;
    }

    @Override
    protected AccountDocument toDocument(Account a) {
        return new AccountDocument(a.id(), a.currency().getCurrencyCode(), ProfileDocument.of(a.profile()), a.owner(),
                a.ownerHistory().stream().map(o -> new OwnerDocument(o.rep(), o.from().toString(),
                        o.until().map(LocalDate::toString).orElse(null), o.reason())).toList(),
                a.contacts().values().stream().map(c -> new ContactDocument(c.contactId(), c.name(), c.role(), c.email(),
                        c.phone())).toList(),
                a.interactions().stream().map(i -> new InteractionDocument(i.interactionId(), i.kind().name(),
                        i.on().toString(), i.rep(), i.outcome().name(), i.note())).toList(),
                a.purchases().values().stream().map(p -> new PurchaseDocument(p.sourceId(), p.on().toString(),
                        plain(p.amount()))).toList(),
                a.satisfaction().values().stream().map(s -> new ScoreDocument(s.sourceId(), s.on().toString(), s.score()))
                        .toList(),
                a.receivables().values().stream().map(r -> new ReceivableDocument(r.invoiceId(), plain(r.open()),
                        r.dueDate().toString())).toList(),
                a.paymentTermsDays(), plain(a.credit().limit()), a.credit().policy().name(),
                plainAll(a.credit().openDocuments()), plainAll(a.credit().closedDocuments()),
                a.duplicateKeys().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue,
                        (x, y) -> x, TreeMap::new)),
                a.duplicateSuspects().stream().map(MatchDocument::of).toList(), a.reviewedStage().name());
    }

    @Override
    protected Account fromDocument(AccountDocument d) {
        Currency currency = Currency.getInstance(d.currency());
        Function<String, Money> money = amount -> Money.of(new BigDecimal(amount), currency);
        Map<String, ReceivableFact> receivables = new TreeMap<>();
        d.receivables().forEach(r -> receivables.put(r.invoiceId(), new ReceivableFact(r.invoiceId(), money.apply(r.open()),
                LocalDate.parse(r.dueDate()))));
        Money open = receivables.values().stream().map(ReceivableFact::open).reduce(Money.zero(currency), Money::plus);
        Map<String, Contact> contacts = new TreeMap<>();
        d.contacts().forEach(c -> contacts.put(c.contactId(), new Contact(c.contactId(), c.name(), c.role(), c.email(), c.phone())));
        Map<String, PurchaseFact> purchases = new TreeMap<>();
        d.purchases().forEach(p -> purchases.put(p.sourceId(), new PurchaseFact(p.sourceId(), LocalDate.parse(p.on()),
                money.apply(p.amount()))));
        Map<String, SatisfactionScore> scores = new TreeMap<>();
        d.satisfaction().forEach(s -> scores.put(s.sourceId(), new SatisfactionScore(s.sourceId(), LocalDate.parse(s.on()),
                s.score())));
        Map<DuplicateRules.Key, String> keys = new EnumMap<>(DuplicateRules.Key.class);
        d.duplicateKeys().forEach((key, value) -> keys.put(DuplicateRules.Key.valueOf(key), value));
        return new Account(d.id(), d.profile().toProfile(), d.owner(),
                d.ownerHistory().stream().map(o -> new OwnerPeriod(o.rep(), LocalDate.parse(o.from()),
                        Optional.ofNullable(o.until()).map(LocalDate::parse), o.reason())).toList(),
                contacts,
                d.interactions().stream().map(i -> new Interaction(i.interactionId(), InteractionKind.valueOf(i.kind()),
                        LocalDate.parse(i.on()), i.rep(), InteractionOutcome.valueOf(i.outcome()), i.note())).toList(),
                purchases, scores, receivables, d.paymentTermsDays(),
                new CreditAccount(d.id(), money.apply(d.creditLimit()), open, CreditPolicy.valueOf(d.creditPolicy()),
                        moneyAll(d.openOrders(), money), moneyAll(d.closedOrders(), money)),
                keys,
                d.duplicateSuspects().stream().map(m -> new DuplicateMatch(m.accountId(), DuplicateRules.Key.valueOf(m.key()),
                        m.value())).toList(),
                LifecycleStage.valueOf(d.reviewedStage()));
    }

    private static String plain(Money m) {
        return m.amount().toPlainString();
    }

    private static Map<String, String> plainAll(Map<String, Money> amounts) {
        Map<String, String> plain = new TreeMap<>();
        amounts.forEach((id, m) -> plain.put(id, plain(m)));
        return plain;
    }

    private static Map<String, Money> moneyAll(Map<String, String> amounts, Function<String, Money> money) {
        Map<String, Money> parsed = new TreeMap<>();
        amounts.forEach((id, a) -> parsed.put(id, money.apply(a)));
        return parsed;
    }

    private static Map<String, String> money(Money m) {
        return Map.of("amount", plain(m), "currency", m.currency().getCurrencyCode());
    }

    /** Registers the payloads of the account events ({@code customer.<event>}) and the credit events. */
    public static EventCodec registerEvents(EventCodec events) {
        record Created(@JsonProperty("profile") ProfileDocument profile, @JsonProperty("owner") String owner,
                       @JsonProperty("creditLimit") Map<String, String> creditLimit,
                       @JsonProperty("creditPolicy") String creditPolicy,
                       @JsonProperty("paymentTermsDays") int paymentTermsDays) {
        }
        record Matches(@JsonProperty("matches") List<MatchDocument> matches, @JsonProperty("reason") String reason) {
        }
        record Fact(@JsonProperty("fact") Object fact) {
        }
        record Receivable(@JsonProperty("receivable") ReceivableDocument receivable,
                          @JsonProperty("totalOpen") Map<String, String> totalOpen) {
        }
        record Terms(@JsonProperty("limit") Map<String, String> limit, @JsonProperty("policy") String policy,
                     @JsonProperty("paymentTermsDays") int paymentTermsDays) {
        }
        record HandedOver(@JsonProperty("fromRep") String fromRep, @JsonProperty("toRep") String toRep,
                          @JsonProperty("effective") String effective, @JsonProperty("reason") String reason) {
        }
        record Lifecycle(@JsonProperty("from") String from, @JsonProperty("to") String to, @JsonProperty("day") String day,
                         @JsonProperty("daysSinceLastPurchase") long idle, @JsonProperty("latestScore") int latestScore) {
        }
        record Exposure(@JsonProperty("documentId") String documentId, @JsonProperty("amount") Map<String, String> amount,
                        @JsonProperty("headroom") Map<String, String> headroom, @JsonProperty("overLimit") boolean overLimit,
                        @JsonProperty("approvedBy") String approvedBy) {
        }
        return events
                .register(AccountEvents.AccountCreated.class, "customer.account-created",
                        e -> new Created(ProfileDocument.of(e.profile()), e.owner(), money(e.creditLimit()),
                                e.creditPolicy().name(), e.paymentTermsDays()))
                .register(AccountEvents.DuplicateSuspected.class, "customer.duplicate-suspected",
                        e -> new Matches(e.matches().stream().map(MatchDocument::of).toList(), null))
                .register(AccountEvents.DuplicateSuspicionCleared.class, "customer.duplicate-suspicion-cleared",
                        e -> new Matches(e.matches().stream().map(MatchDocument::of).toList(), e.reason()))
                .register(AccountEvents.ContactAdded.class, "customer.contact-added", e -> new Fact(new ContactDocument(
                        e.contact().contactId(), e.contact().name(), e.contact().role(), e.contact().email(), e.contact().phone())))
                .register(AccountEvents.InteractionLogged.class, "customer.interaction-logged", e -> new Fact(
                        new InteractionDocument(e.interaction().interactionId(), e.interaction().kind().name(),
                                e.interaction().on().toString(), e.interaction().rep(), e.interaction().outcome().name(),
                                e.interaction().note())))
                .register(AccountEvents.PurchaseRecorded.class, "customer.purchase-recorded", e -> new Fact(
                        new PurchaseDocument(e.purchase().sourceId(), e.purchase().on().toString(), plain(e.purchase().amount()))))
                .register(AccountEvents.SatisfactionRecorded.class, "customer.satisfaction-recorded", e -> new Fact(
                        new ScoreDocument(e.score().sourceId(), e.score().on().toString(), e.score().score())))
                .register(AccountEvents.ReceivableReported.class, "customer.receivable-reported", e -> new Receivable(
                        new ReceivableDocument(e.receivable().invoiceId(), plain(e.receivable().open()),
                                e.receivable().dueDate().toString()), money(e.totalOpen())))
                .register(AccountEvents.CreditTermsChanged.class, "customer.credit-terms-changed",
                        e -> new Terms(money(e.limit()), e.policy().name(), e.paymentTermsDays()))
                .register(AccountEvents.AccountHandedOver.class, "customer.account-handed-over",
                        e -> new HandedOver(e.fromRep(), e.toRep(), e.effective().toString(), e.reason()))
                .register(AccountEvents.LifecycleChanged.class, "customer.lifecycle-changed",
                        e -> new Lifecycle(e.from().name(), e.to().name(), e.day().toString(), e.daysSinceLastPurchase(),
                                e.latestScore()))
                .register(CreditEvents.CreditExposureRecorded.class, "customer.credit-exposure-recorded",
                        e -> new Exposure(e.documentId(), money(e.amount()), money(e.headroom()), e.overLimit(),
                                e.approvedBy().map(a -> a.value()).orElse(null)))
                .register(CreditEvents.CreditExposureReleased.class, "customer.credit-exposure-released",
                        e -> new Exposure(e.documentId(), money(e.amount()), null, false, null));
    }
}
