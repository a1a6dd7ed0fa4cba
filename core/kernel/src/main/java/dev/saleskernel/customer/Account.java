package dev.saleskernel.customer;

import dev.saleskernel.customer.AccountEvents.AccountCreated;
import dev.saleskernel.customer.AccountEvents.AccountHandedOver;
import dev.saleskernel.customer.AccountEvents.ContactAdded;
import dev.saleskernel.customer.AccountEvents.CreditTermsChanged;
import dev.saleskernel.customer.AccountEvents.DuplicateSuspected;
import dev.saleskernel.customer.AccountEvents.DuplicateSuspicionCleared;
import dev.saleskernel.customer.AccountEvents.InteractionLogged;
import dev.saleskernel.customer.AccountEvents.LifecycleChanged;
import dev.saleskernel.customer.AccountEvents.PurchaseRecorded;
import dev.saleskernel.customer.AccountEvents.ReceivableReported;
import dev.saleskernel.customer.AccountEvents.SatisfactionRecorded;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.Contact;
import dev.saleskernel.customer.AccountValues.DuplicateMatch;
import dev.saleskernel.customer.AccountValues.Interaction;
import dev.saleskernel.customer.AccountValues.OwnerPeriod;
import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.AccountValues.ReceivableFact;
import dev.saleskernel.customer.AccountValues.SatisfactionScore;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer account: profile, contacts, interaction history, purchase facts, satisfaction
 * scores, owner rep with ownership history, credit (limit, policy, payment terms, receivables and
 * open orders) and the last reviewed lifecycle stage. Immutable; every command returns the new
 * account and its events, or every reason it was refused (and then nothing changed).
 *
 * <p>Money: all amounts are exact {@link Money} in the account's currency (the currency of the
 * credit limit); amounts in another currency are refused, never converted here.
 *
 * <p>Facts from host systems (purchases, satisfaction scores, interactions) carry the host's id:
 * recording the same fact again changes nothing; the same id with different content is refused
 * with {@link CustomerRejection#FACT_CONFLICT}. Receivables are the ledger's truth: reporting an
 * invoice again replaces its open amount, and the credit check's receivables are their sum.
 *
 * <p>{@code duplicateKeys} are the normalised keys taken at creation under the rules then in
 * force; they are what later creates are compared with.
 *
 * <p>The lifecycle stage is computed ({@link #lifecycleOn}) by {@link LifecycleRules}; it is never
 * set by a command. {@link #reviewLifecycle} records the computed stage and raises
 * {@link LifecycleChanged} when it differs from the last review.
 */
public record Account(String id, AccountProfile profile, String owner, List<OwnerPeriod> ownerHistory,
                      Map<String, Contact> contacts, List<Interaction> interactions,
                      Map<String, PurchaseFact> purchases, Map<String, SatisfactionScore> satisfaction,
                      Map<String, ReceivableFact> receivables, int paymentTermsDays, CreditAccount credit,
                      Map<DuplicateRules.Key, String> duplicateKeys, List<DuplicateMatch> duplicateSuspects,
                      LifecycleStage reviewedStage) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(owner, "owner");
        ownerHistory = List.copyOf(ownerHistory);
        contacts = Collections.unmodifiableMap(new TreeMap<>(contacts));
        interactions = List.copyOf(interactions);
        purchases = Collections.unmodifiableMap(new TreeMap<>(purchases));
        satisfaction = Collections.unmodifiableMap(new TreeMap<>(satisfaction));
        receivables = Collections.unmodifiableMap(new TreeMap<>(receivables));
        Objects.requireNonNull(credit, "credit");
        duplicateKeys = Collections.unmodifiableMap(new TreeMap<>(duplicateKeys));
        duplicateSuspects = List.copyOf(duplicateSuspects);
        Objects.requireNonNull(reviewedStage, "reviewedStage");
    }

    /** The currency of every amount of this account (the credit limit's). */
    public Currency currency() {
        return credit.limit().currency();
    }

    /** Whether the account was created as a suspected duplicate and nobody has cleared it yet. */
    public boolean duplicateSuspect() {
        return !duplicateSuspects.isEmpty();
    }

    /**
     * Creates an account owned by {@code owner} from {@code day}, keeping the duplicate keys the
     * {@code duplicateRules} give for its profile ({@link #duplicateKeys}, which storage indexes so
     * later creates can find it). {@code matches} are the existing accounts sharing a key (see
     * {@link DuplicateRules#matches}); under policy REFUSE
     * any match refuses the create (one reason per match, with the key and value), under FLAG the
     * account is created with the matches as its duplicate-suspect marker and a
     * {@link DuplicateSuspected} event. Refused with every broken rule on the input at once.
     */
    public static Either<Rejected, Change<Account>> create(String id, AccountProfile profile, String owner,
                                                           Money creditLimit, CreditPolicy creditPolicy,
                                                           int paymentTermsDays, DuplicateRules duplicateRules,
                                                           List<DuplicateMatch> matches, LocalDate day,
                                                           ActorId actor, Instant at) {
        String subject = "account:" + id;
        Checks checks = Checks.start()
                .require(dev.saleskernel.shared.Ids.isValid(id), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "id",
                        "an account id is 1 to 200 characters from A-Z a-z 0-9 . _ : @ -").withEvidence("id", id))
                .require(!owner.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "owner",
                        "an account needs an owner rep"));
        checks = profile.check(checks, subject);
        checks = checkTerms(checks, subject, creditLimit, paymentTermsDays);
        if (duplicateRules.policy() == DuplicateRules.Policy.REFUSE) {
            for (DuplicateMatch match : matches) {
                checks = checks.refuse(duplicate(subject, match));
            }
        }
        List<DuplicateMatch> suspects = matches.stream().sorted().toList();
        return checks.thenRight(() -> {
            Account account = new Account(id, profile, owner, List.of(new OwnerPeriod(owner, day, Optional.empty(), "created")),
                    Map.of(), List.of(), Map.of(), Map.of(), Map.of(), paymentTermsDays,
                    CreditAccount.of(id, creditLimit, creditPolicy), duplicateRules.keysOf(profile), suspects,
                    LifecycleStage.PROSPECT);
            AccountCreated created = new AccountCreated(id, profile, owner, creditLimit, creditPolicy, paymentTermsDays, actor, at);
            return suspects.isEmpty() ? Change.of(account, created)
                    : Change.of(account, created, new DuplicateSuspected(id, suspects, actor, at));
        });
    }

    /** Clears the duplicate-suspect marker after someone checked the matches; needs a reason. */
    public Either<Rejected, Change<Account>> clearDuplicateSuspicion(String reason, ActorId actor, Instant at) {
        return Checks.start()
                .require(duplicateSuspect(), () -> Rejection.of(SharedRejection.NOTHING_PENDING, subject(),
                        "duplicateSuspects", "the account is not marked as a suspected duplicate"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "clearing a duplicate suspicion needs a reason for the audit trail"))
                .thenRight(() -> Change.of(with(b -> b.duplicateSuspects = List.of()),
                        new DuplicateSuspicionCleared(id, duplicateSuspects, reason, actor, at)));
    }

    /** Adds a contact; its id must be new. */
    public Either<Rejected, Change<Account>> addContact(Contact contact, ActorId actor, Instant at) {
        return Checks.start()
                .require(!contact.contactId().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(),
                        "contact.contactId", "a contact needs an id"))
                .require(!contact.name().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(),
                        "contact.name", "a contact needs a name"))
                .require(!contacts.containsKey(contact.contactId()), () -> Rejection.of(SharedRejection.ALREADY_EXISTS,
                        subject(), "contact.contactId", "the account has a contact " + contact.contactId() + " already"))
                .require(contact.email().isEmpty() || contact.email().indexOf('@') > 0,
                        () -> Rejection.of(CustomerRejection.INVALID_CONTACT_DATA, subject(), "contact.email",
                                "an e-mail address has text before an @").withEvidence("email", contact.email()))
                .thenRight(() -> {
                    Map<String, Contact> more = new TreeMap<>(contacts);
                    more.put(contact.contactId(), contact);
                    return Change.of(with(b -> b.contacts = more), new ContactAdded(id, contact, actor, at));
                });
    }

    /** Logs a visit, call, e-mail or meeting. The same interaction id again changes nothing. */
    public Either<Rejected, Change<Account>> logInteraction(Interaction interaction, ActorId actor, Instant at) {
        Optional<Interaction> known = interactions.stream()
                .filter(i -> i.interactionId().equals(interaction.interactionId())).findFirst();
        if (known.isPresent()) {
            return sameFact(known.get(), interaction, "interaction.interactionId");
        }
        return Checks.start()
                .require(!interaction.interactionId().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(),
                        "interaction.interactionId", "an interaction needs an id"))
                .require(!interaction.rep().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(),
                        "interaction.rep", "an interaction names the rep"))
                .thenRight(() -> {
                    List<Interaction> more = new ArrayList<>(interactions);
                    more.add(interaction);
                    more.sort(Comparator.comparing(Interaction::on).thenComparing(Interaction::interactionId));
                    return Change.of(with(b -> b.interactions = more), new InteractionLogged(id, interaction, actor, at));
                });
    }

    /** Records a purchase fact (positive, in the account's currency). The same source id again changes nothing. */
    public Either<Rejected, Change<Account>> recordPurchase(PurchaseFact purchase, ActorId actor, Instant at) {
        PurchaseFact known = purchases.get(purchase.sourceId());
        if (known != null) {
            return sameFact(known, purchase, "purchase.sourceId");
        }
        return checkAmount(Checks.start().require(!purchase.sourceId().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED,
                        subject(), "purchase.sourceId", "a purchase fact needs the host's source id")),
                "purchase.amount", purchase.amount(), true)
                .thenRight(() -> {
                    Map<String, PurchaseFact> more = new TreeMap<>(purchases);
                    more.put(purchase.sourceId(), purchase);
                    return Change.of(with(b -> b.purchases = more), new PurchaseRecorded(id, purchase, actor, at));
                });
    }

    /** Records a satisfaction score (0–10). The same source id again changes nothing. */
    public Either<Rejected, Change<Account>> recordSatisfaction(SatisfactionScore score, ActorId actor, Instant at) {
        SatisfactionScore known = satisfaction.get(score.sourceId());
        if (known != null) {
            return sameFact(known, score, "score.sourceId");
        }
        return Checks.start()
                .require(!score.sourceId().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(),
                        "score.sourceId", "a score needs the survey's source id"))
                .require(score.score() >= 0 && score.score() <= SatisfactionScore.MAX_SCORE,
                        () -> Rejection.of(CustomerRejection.VALUE_OUT_OF_RANGE, subject(), "score.score",
                                "scores run 0 to " + SatisfactionScore.MAX_SCORE).withEvidence("score", score.score()))
                .thenRight(() -> {
                    Map<String, SatisfactionScore> more = new TreeMap<>(satisfaction);
                    more.put(score.sourceId(), score);
                    return Change.of(with(b -> b.satisfaction = more), new SatisfactionRecorded(id, score, actor, at));
                });
    }

    /**
     * The ledger reports an invoice's open amount (zero = paid); it replaces any earlier report
     * of the same invoice, and the credit check's receivables become the sum of all open amounts.
     */
    public Either<Rejected, Change<Account>> reportReceivable(ReceivableFact receivable, ActorId actor, Instant at) {
        if (receivable.equals(receivables.get(receivable.invoiceId()))) {
            return Either.right(Change.none(this));
        }
        return checkAmount(Checks.start().require(!receivable.invoiceId().isBlank(), () -> Rejection.of(
                        SharedRejection.REQUIRED, subject(), "receivable.invoiceId", "a receivable needs the invoice id")),
                "receivable.open", receivable.open(), false)
                .thenRight(() -> {
                    Map<String, ReceivableFact> more = new TreeMap<>(receivables);
                    more.put(receivable.invoiceId(), receivable);
                    Money total = more.values().stream().map(ReceivableFact::open).reduce(Money.zero(currency()), Money::plus);
                    return Change.of(with(b -> {
                        b.receivables = more;
                        b.credit = credit.withReceivables(total);
                    }), new ReceivableReported(id, receivable, total, actor, at));
                });
    }

    /** The sum of receivables still open after their due date on {@code day}. */
    public Money overdueOn(LocalDate day) {
        return receivables.values().stream().filter(r -> r.overdueOn(day)).map(ReceivableFact::open)
                .reduce(Money.zero(currency()), Money::plus);
    }

    /** Sets the credit limit (not negative, in the account's currency), the policy and the payment terms (days, 0 or more). */
    public Either<Rejected, Change<Account>> changeCreditTerms(Money limit, CreditPolicy policy, int termsDays,
                                                               ActorId actor, Instant at) {
        return checkTerms(Checks.start(), subject(), limit, termsDays)
                .require(limit.currency().equals(currency()), () -> Rejection.of(CustomerRejection.CURRENCY_MISMATCH,
                        subject(), "limit", "the limit must be in the account's currency " + currency().getCurrencyCode()))
                .thenRight(() -> Change.of(with(b -> {
                    b.paymentTermsDays = termsDays;
                    b.credit = new CreditAccount(id, limit, credit.receivables(), policy, credit.openDocuments(),
                            credit.closedDocuments());
                }), new CreditTermsChanged(id, limit, policy, termsDays, actor, at)));
    }

    /**
     * Records an order (or won deal) after the credit check of {@link CreditAccount#record}:
     * {@code limit − open receivables − open orders − amount}; below zero the policy refuses,
     * warns or requires an approval by {@code approvedBy} (someone other than the actor).
     */
    public Either<Rejected, Change<Account>> recordOrder(String documentId, Money amount, Optional<ActorId> approvedBy,
                                                         ActorId actor, Instant at) {
        Checks checks = checkAmount(Checks.start().require(!documentId.isBlank(), () -> Rejection.of(
                SharedRejection.REQUIRED, subject(), "documentId", "an order needs its document id")), "amount", amount, true);
        if (!checks.passed()) {
            return checks.thenRight(() -> Change.none(this));
        }
        if (amount.equals(credit.openDocuments().get(documentId))) {
            return Either.right(Change.none(this));
        }
        return onCredit(credit.record(documentId, amount, approvedBy, actor, at));
    }

    /** Closes an order: its amount stops counting against the limit. */
    public Either<Rejected, Change<Account>> closeOrder(String documentId, ActorId actor, Instant at) {
        return onCredit(credit.close(documentId, actor, at));
    }

    /** Reopens a closed order; it is credit-checked again, so closing and reopening never bypasses the limit. */
    public Either<Rejected, Change<Account>> reopenOrder(String documentId, Optional<ActorId> approvedBy, ActorId actor,
                                                         Instant at) {
        return onCredit(credit.reopen(documentId, approvedBy, actor, at));
    }

    /**
     * Hands the account to another rep from {@code effective}; the ownership history closes the
     * current period the day before and opens a new one with the reason.
     */
    public Either<Rejected, Change<Account>> handOver(String toRep, LocalDate effective, String reason, ActorId actor,
                                                      Instant at) {
        OwnerPeriod current = ownerHistory.get(ownerHistory.size() - 1);
        return Checks.start()
                .require(!toRep.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "toRep",
                        "a handover names the new owner"))
                .require(!toRep.equals(owner), () -> Rejection.of(CustomerRejection.SAME_OWNER, subject(), "toRep",
                        "the account is owned by " + owner + " already"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a handover needs a reason for the history"))
                .require(effective.isAfter(current.from()), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject(),
                        "effective", "a handover takes effect after the current owner's start " + current.from()))
                .thenRight(() -> {
                    List<OwnerPeriod> history = new ArrayList<>(ownerHistory);
                    history.set(history.size() - 1, new OwnerPeriod(current.rep(), current.from(),
                            Optional.of(effective.minusDays(1)), current.reason()));
                    history.add(new OwnerPeriod(toRep, effective, Optional.empty(), reason));
                    return Change.of(with(b -> {
                        b.owner = toRep;
                        b.ownerHistory = history;
                    }), new AccountHandedOver(id, owner, toRep, effective, reason, actor, at));
                });
    }

    /** The owner value of an account sitting in a pool: {@code pool:<poolId>}. */
    public static String poolOwner(String poolId) {
        return POOL_OWNER_PREFIX + poolId;
    }

    /** Owners starting with this prefix are pools, not reps. */
    public static final String POOL_OWNER_PREFIX = "pool:";

    /** Whether the account sits in a pool rather than with a rep. */
    public boolean inPool() {
        return owner.startsWith(POOL_OWNER_PREFIX);
    }

    /**
     * Returns the account to pool {@code poolId} from {@code effective}: the owner becomes
     * {@link #poolOwner}, the ownership history records it with the reason.
     */
    public Either<Rejected, Change<Account>> returnToPool(String poolId, LocalDate effective, String reason, ActorId actor,
                                                          Instant at) {
        return handOver(poolOwner(poolId), effective, reason, actor, at);
    }

    /** The lifecycle stage on {@code day}, computed by the rules from the facts; never stored as input. */
    public LifecycleStage lifecycleOn(LifecycleRules rules, LocalDate day) {
        return rules.stageOn(day, purchases.values(), satisfaction.values());
    }

    /**
     * Records the stage computed on {@code day}; raises {@link LifecycleChanged} with the figures
     * behind it when it differs from the last review, and changes nothing otherwise (so a daily
     * review is idempotent).
     */
    public Either<Rejected, Change<Account>> reviewLifecycle(LifecycleRules rules, LocalDate day, ActorId actor, Instant at) {
        LifecycleStage now = lifecycleOn(rules, day);
        if (now == reviewedStage) {
            return Either.right(Change.none(this));
        }
        long idle = purchases.values().stream().map(PurchaseFact::on).filter(d -> !d.isAfter(day))
                .max(Comparator.naturalOrder()).map(last -> ChronoUnit.DAYS.between(last, day)).orElse(-1L);
        int latest = satisfaction.values().stream().filter(s -> !s.on().isAfter(day))
                .max(Comparator.comparing(SatisfactionScore::on).thenComparing(SatisfactionScore::sourceId))
                .map(SatisfactionScore::score).orElse(-1);
        return Either.right(Change.of(with(b -> b.reviewedStage = now),
                new LifecycleChanged(id, reviewedStage, now, day, idle, latest, actor, at)));
    }

    private Either<Rejected, Change<Account>> onCredit(Either<Rejected, Change<CreditAccount>> decided) {
        return decided.map(change -> new Change<>(with(b -> b.credit = change.state()), change.events()));
    }

    private <F> Either<Rejected, Change<Account>> sameFact(F known, F offered, String field) {
        if (known.equals(offered)) {
            return Either.right(Change.none(this));
        }
        return Either.left(Rejected.of(Rejection.of(CustomerRejection.FACT_CONFLICT, subject(), field,
                        "a fact with this id was recorded with different content; facts are not replaced")
                .withEvidence("recorded", known.toString()).withEvidence("offered", offered.toString())));
    }

    private Checks checkAmount(Checks checks, String field, Money amount, boolean strictlyPositive) {
        boolean sameCurrency = amount.currency().equals(currency());
        return checks
                .require(sameCurrency, () -> Rejection.of(CustomerRejection.CURRENCY_MISMATCH, subject(), field,
                        "amounts of this account are in " + currency().getCurrencyCode())
                        .withEvidence("currency", amount.currency().getCurrencyCode()))
                .require(strictlyPositive ? amount.isPositive() : !amount.isNegative(),
                        () -> Rejection.of(CustomerRejection.AMOUNT_OUT_OF_RANGE, subject(), field,
                                strictlyPositive ? "the amount must be positive" : "the amount must not be negative")
                                .withEvidence("amount", amount.amount().toPlainString()));
    }

    private static Checks checkTerms(Checks checks, String subject, Money limit, int termsDays) {
        return checks
                .require(!limit.isNegative(), () -> Rejection.of(CustomerRejection.AMOUNT_OUT_OF_RANGE, subject,
                        "creditLimit", "a credit limit is not negative").withEvidence("limit", limit.amount().toPlainString()))
                .require(termsDays >= 0, () -> Rejection.of(CustomerRejection.VALUE_OUT_OF_RANGE, subject,
                        "paymentTermsDays", "payment terms are 0 or more days").withEvidence("paymentTermsDays", termsDays));
    }

    private static Rejection duplicate(String subject, DuplicateMatch match) {
        return Rejection.of(CustomerRejection.DUPLICATE_SUSPECTED, subject, "profile." + fieldOf(match.key()),
                        "account " + match.accountId() + " has the same " + match.key().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .withEvidence("account", match.accountId()).withEvidence("key", match.key().name())
                .withEvidence("value", match.value());
    }

    private static String fieldOf(DuplicateRules.Key key) {
        return switch (key) {
            case NAME -> "name";
            case TAX_ID -> "taxId";
            case EMAIL_DOMAIN -> "email";
            case PHONE -> "phone";
        };
    }

    private String subject() {
        return "account:" + id;
    }

    /** A mutable copy used only inside {@link #with}. */
    private static final class Builder {
        String owner;
        List<OwnerPeriod> ownerHistory;
        Map<String, Contact> contacts;
        List<Interaction> interactions;
        Map<String, PurchaseFact> purchases;
        Map<String, SatisfactionScore> satisfaction;
        Map<String, ReceivableFact> receivables;
        int paymentTermsDays;
        CreditAccount credit;
        List<DuplicateMatch> duplicateSuspects;
        LifecycleStage reviewedStage;
    }

    private Account with(java.util.function.Consumer<Builder> edit) {
        Builder b = new Builder();
        b.owner = owner;
        b.ownerHistory = ownerHistory;
        b.contacts = contacts;
        b.interactions = interactions;
        b.purchases = purchases;
        b.satisfaction = satisfaction;
        b.receivables = receivables;
        b.paymentTermsDays = paymentTermsDays;
        b.credit = credit;
        b.duplicateSuspects = duplicateSuspects;
        b.reviewedStage = reviewedStage;
        edit.accept(b);
        return new Account(id, profile, b.owner, b.ownerHistory, b.contacts, b.interactions, b.purchases, b.satisfaction,
                b.receivables, b.paymentTermsDays, b.credit, duplicateKeys, b.duplicateSuspects, b.reviewedStage);
    }
}
