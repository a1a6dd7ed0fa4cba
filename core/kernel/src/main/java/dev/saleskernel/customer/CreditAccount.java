package dev.saleskernel.customer;

import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An account's credit: its limit, the open receivables (facts from the host's ledger) and the
 * open orders and won deals recorded here, with the policy applied when a new amount goes over.
 *
 * <p>Credit check: {@code headroom = limit − receivables − open documents − new amount}; when it
 * is negative the {@link CreditPolicy} decides. The check runs on {@link #record} <em>and</em> on
 * {@link #reopen}: closing a document releases its amount, but reopening it is checked again
 * against the exposure of that day, so closing and reopening cannot slip an order past the limit
 * (the ERPNext loophole). Recording a document id that is open already replaces its amount and is
 * checked for the new amount.
 */
public record CreditAccount(String accountId, Money limit, Money receivables, CreditPolicy policy,
                            Map<String, Money> openDocuments, Map<String, Money> closedDocuments) {

    public CreditAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(receivables, "receivables");
        Objects.requireNonNull(policy, "policy");
        openDocuments = Collections.unmodifiableMap(new TreeMap<>(openDocuments));
        closedDocuments = Collections.unmodifiableMap(new TreeMap<>(closedDocuments));
        limit.plus(receivables);
    }

    /** An account with a limit and no exposure yet. */
    public static CreditAccount of(String accountId, Money limit, CreditPolicy policy) {
        return new CreditAccount(accountId, limit, Money.zero(limit.currency()), policy, Map.of(), Map.of());
    }

    /** The sum of the open documents. */
    public Money openOrders() {
        return openDocuments.values().stream().reduce(Money.zero(limit.currency()), Money::plus);
    }

    /** {@code limit − receivables − open documents}. */
    public Money headroom() {
        return limit.minus(receivables).minus(openOrders());
    }

    /** The host's ledger reports the account's open receivables. */
    public CreditAccount withReceivables(Money open) {
        return new CreditAccount(accountId, limit, open, policy, openDocuments, closedDocuments);
    }

    /**
     * Records an order or won deal after the credit check. {@code approvedBy} is used only when the
     * policy is REQUIRE_APPROVAL and the amount goes over the limit; it must name someone else.
     */
    public Either<Rejected, Change<CreditAccount>> record(String documentId, Money amount, Optional<ActorId> approvedBy,
                                                         ActorId actor, Instant at) {
        Money without = openDocuments.containsKey(documentId) ? headroom().plus(openDocuments.get(documentId)) : headroom();
        return check(documentId, amount, without, approvedBy, actor, at);
    }

    /** Closes a document: its amount stops counting. The same id may later be reopened, and is checked again. */
    public Either<Rejected, Change<CreditAccount>> close(String documentId, ActorId actor, Instant at) {
        Money amount = openDocuments.get(documentId);
        if (amount == null) {
            return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, subject(), "documentId",
                    "no open document " + documentId)));
        }
        Map<String, Money> open = new TreeMap<>(openDocuments);
        open.remove(documentId);
        Map<String, Money> closed = new TreeMap<>(closedDocuments);
        closed.put(documentId, amount);
        return Either.right(Change.of(new CreditAccount(accountId, limit, receivables, policy, open, closed),
                new CreditEvents.CreditExposureReleased(accountId, documentId, amount, actor, at)));
    }

    /** Reopens a closed document; the credit check runs again, exactly as for a new one. */
    public Either<Rejected, Change<CreditAccount>> reopen(String documentId, Optional<ActorId> approvedBy, ActorId actor, Instant at) {
        Money amount = closedDocuments.get(documentId);
        if (amount == null) {
            return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, subject(), "documentId",
                    "no closed document " + documentId)));
        }
        return check(documentId, amount, headroom(), approvedBy, actor, at);
    }

    private Either<Rejected, Change<CreditAccount>> check(String documentId, Money amount, Money headroomBefore,
                                                          Optional<ActorId> approvedBy, ActorId actor, Instant at) {
        Money after = headroomBefore.minus(amount);
        boolean over = after.isNegative();
        if (over && policy == CreditPolicy.REFUSE) {
            return Either.left(Rejected.of(overLimit(CustomerRejection.CREDIT_LIMIT_EXCEEDED, amount, headroomBefore)));
        }
        if (over && policy == CreditPolicy.REQUIRE_APPROVAL && (approvedBy.isEmpty() || approvedBy.get().equals(actor))) {
            return Either.left(Rejected.of(overLimit(CustomerRejection.CREDIT_APPROVAL_REQUIRED, amount, headroomBefore)));
        }
        Map<String, Money> open = new TreeMap<>(openDocuments);
        open.put(documentId, amount);
        Map<String, Money> closed = new TreeMap<>(closedDocuments);
        closed.remove(documentId);
        Optional<ActorId> approval = over && policy == CreditPolicy.REQUIRE_APPROVAL ? approvedBy : Optional.empty();
        return Either.right(Change.of(new CreditAccount(accountId, limit, receivables, policy, open, closed),
                new CreditEvents.CreditExposureRecorded(accountId, documentId, amount, after, over, approval, actor, at)));
    }

    private Rejection overLimit(CustomerRejection code, Money amount, Money headroomBefore) {
        return Rejection.of(code, subject(), "amount", code == CustomerRejection.CREDIT_LIMIT_EXCEEDED
                        ? "the amount would take the account over its credit limit"
                        : "going over the credit limit needs an approval by someone else")
                .withEvidence("limit", limit.amount().toPlainString())
                .withEvidence("receivables", receivables.amount().toPlainString())
                .withEvidence("openOrders", openOrders().amount().toPlainString())
                .withEvidence("amount", amount.amount().toPlainString())
                .withEvidence("headroom", headroomBefore.amount().toPlainString());
    }

    private String subject() {
        return "account:" + accountId;
    }
}
