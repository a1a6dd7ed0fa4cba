package dev.saleskernel.application;

import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.AccountValues.AccountDraft;
import dev.saleskernel.customer.AccountValues.Contact;
import dev.saleskernel.customer.AccountValues.DuplicateMatch;
import dev.saleskernel.customer.AccountValues.Interaction;
import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.AccountValues.ReceivableFact;
import dev.saleskernel.customer.AccountValues.SatisfactionScore;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.customer.DuplicateRules;
import dev.saleskernel.customer.LifecycleRules;
import dev.saleskernel.internal.persistence.AccountCodec;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.money.Money;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Use cases of customer accounts. Every command is authorised, idempotent by its command id, and
 * either commits the account and its events to the outbox together or changes nothing.
 *
 * <p>Duplicate detection on {@link #create}: the new profile's keys ({@link DuplicateRules#keysOf})
 * are looked up through the store's declared index fields ({@code dup_name}, {@code dup_tax_id},
 * {@code dup_email_domain}, {@code dup_phone}), so it is an index query on every store, and the
 * matches go to the kernel's {@link DuplicateRules} policy (refuse or flag). Dates of commands
 * (ownership start, handover effective date) are the UTC date of the command's time unless given.
 */
public final class AccountService {
    public static final String CREATE = "customer.create-account";
    public static final String UPDATE = "customer.update-account";
    public static final String RECORD_FACT = "customer.record-fact";
    public static final String CHANGE_CREDIT_TERMS = "customer.change-credit-terms";
    public static final String RECORD_ORDER = "customer.record-order";
    public static final String HAND_OVER = "customer.hand-over";
    public static final String REVIEW_LIFECYCLE = "customer.review-lifecycle";

    private final CommandRunner runner;
    private final Repository<Account> accounts;
    private final DuplicateRules duplicateRules;

    AccountService(CommandRunner runner, Repository<Account> accounts, DuplicateRules duplicateRules) {
        this.runner = runner;
        this.accounts = accounts;
        this.duplicateRules = duplicateRules;
    }

    /** The duplicate rules this kernel applies on create. */
    public DuplicateRules duplicateRules() {
        return duplicateRules;
    }

    /**
     * Creates an account after duplicate detection: under REFUSE any match refuses it (one reason
     * per match); under FLAG it is created marked, with a {@code customer.duplicate-suspected} event.
     */
    public Either<Rejected, Executed<Account>> create(CommandContext context, AccountDraft draft) {
        if (!Ids.isValid(draft.id())) {
            return Either.left(badId("account", draft.id()));
        }
        return runner.run(context, CREATE, accounts, draft.id(), (current, at) -> {
            if (current.isPresent()) {
                return Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "account:" + draft.id(), "id",
                        "an account with this id exists already")));
            }
            return Account.create(draft.id(), draft.profile(), draft.owner(), draft.creditLimit(), draft.creditPolicy(),
                    draft.paymentTermsDays(), duplicateRules, duplicatesOf(context.tenant(), draft), day(at),
                    context.actor(), at);
        });
    }

    /** The existing accounts sharing a duplicate key with the draft, found through the index fields. */
    public List<DuplicateMatch> duplicatesOf(TenantId tenant, AccountDraft draft) {
        Map<String, Map<DuplicateRules.Key, String>> found = new TreeMap<>();
        duplicateRules.keysOf(draft.profile()).forEach((key, value) -> {
            if (value.length() <= IndexValue.Text.MAX_LENGTH) {
                for (Account other : accounts.where(tenant, AccountCodec.duplicateIndex(key), IndexValue.text(value))) {
                    found.put(other.id(), other.duplicateKeys());
                }
            }
        });
        return DuplicateRules.matchesByKeys(draft.id(), duplicateRules.keysOf(draft.profile()), found);
    }

    public Either<Rejected, Executed<Account>> clearDuplicateSuspicion(CommandContext context, String id, String reason) {
        return on(context, UPDATE, id, (a, at) -> a.clearDuplicateSuspicion(reason, context.actor(), at));
    }

    public Either<Rejected, Executed<Account>> addContact(CommandContext context, String id, Contact contact) {
        return on(context, UPDATE, id, (a, at) -> a.addContact(contact, context.actor(), at));
    }

    public Either<Rejected, Executed<Account>> logInteraction(CommandContext context, String id, Interaction interaction) {
        return on(context, RECORD_FACT, id, (a, at) -> a.logInteraction(interaction, context.actor(), at));
    }

    /** Records a purchase fact; the same source id again changes nothing. */
    public Either<Rejected, Executed<Account>> recordPurchase(CommandContext context, String id, PurchaseFact purchase) {
        return on(context, RECORD_FACT, id, (a, at) -> a.recordPurchase(purchase, context.actor(), at));
    }

    public Either<Rejected, Executed<Account>> recordSatisfaction(CommandContext context, String id, SatisfactionScore score) {
        return on(context, RECORD_FACT, id, (a, at) -> a.recordSatisfaction(score, context.actor(), at));
    }

    /** The ledger's open amount of an invoice; it counts against the credit limit. */
    public Either<Rejected, Executed<Account>> reportReceivable(CommandContext context, String id, ReceivableFact receivable) {
        return on(context, RECORD_FACT, id, (a, at) -> a.reportReceivable(receivable, context.actor(), at));
    }

    public Either<Rejected, Executed<Account>> changeCreditTerms(CommandContext context, String id, Money limit,
                                                                CreditPolicy policy, int paymentTermsDays) {
        return on(context, CHANGE_CREDIT_TERMS, id, (a, at) -> a.changeCreditTerms(limit, policy, paymentTermsDays,
                context.actor(), at));
    }

    /**
     * Records an order after the credit check ({@code limit − receivables − open orders − amount});
     * refused, warned or held for approval per the account's {@link CreditPolicy}.
     */
    public Either<Rejected, Executed<Account>> recordOrder(CommandContext context, String id, String documentId,
                                                          Money amount, Optional<ActorId> approvedBy) {
        return on(context, RECORD_ORDER, id, (a, at) -> a.recordOrder(documentId, amount, approvedBy, context.actor(), at));
    }

    public Either<Rejected, Executed<Account>> closeOrder(CommandContext context, String id, String documentId) {
        return on(context, RECORD_ORDER, id, (a, at) -> a.closeOrder(documentId, context.actor(), at));
    }

    /** Reopens a closed order; it is credit-checked again. */
    public Either<Rejected, Executed<Account>> reopenOrder(CommandContext context, String id, String documentId,
                                                          Optional<ActorId> approvedBy) {
        return on(context, RECORD_ORDER, id, (a, at) -> a.reopenOrder(documentId, approvedBy, context.actor(), at));
    }

    /** Hands one account to another rep from {@code effective}; for a leaving rep use {@link HandoverService}. */
    public Either<Rejected, Executed<Account>> handOver(CommandContext context, String id, String toRep,
                                                       LocalDate effective, String reason) {
        return on(context, HAND_OVER, id, (a, at) -> a.handOver(toRep, effective, reason, context.actor(), at));
    }

    /** Records the lifecycle stage the rules compute on {@code day}; an event only when it changed. */
    public Either<Rejected, Executed<Account>> reviewLifecycle(CommandContext context, String id, LifecycleRules rules,
                                                              LocalDate day) {
        return on(context, REVIEW_LIFECYCLE, id, (a, at) -> a.reviewLifecycle(rules, day, context.actor(), at));
    }

    public Optional<Account> find(TenantId tenant, String id) {
        return accounts.load(tenant, id).map(Loaded::state);
    }

    /** The accounts a rep owns, through the {@code owner} index field. */
    public List<Account> ownedBy(TenantId tenant, String rep) {
        return accounts.where(tenant, "owner", IndexValue.text(rep));
    }

    /** The refusal of a record id the store could not key (instead of an exception from the SPI). */
    static Rejected badId(String recordType, String id) {
        return Rejected.of(Rejection.of(SharedRejection.NOT_ALLOWED, recordType + ":" + id, "id",
                "an id is 1 to 200 characters from A-Z a-z 0-9 . _ : @ -").withEvidence("id", id));
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private Either<Rejected, Executed<Account>> on(CommandContext context, String action, String id,
                                                   BiFunction<Account, Instant, Either<Rejected, Change<Account>>> command) {
        if (!Ids.isValid(id)) {
            return Either.left(badId("account", id));
        }
        return runner.run(context, action, accounts, id, (current, at) -> current
                .map(a -> command.apply(a, at))
                .orElseGet(() -> Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "account:" + id, "",
                        "no such account in this tenant")))));
    }
}
