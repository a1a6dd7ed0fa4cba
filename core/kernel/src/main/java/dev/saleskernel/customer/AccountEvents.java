package dev.saleskernel.customer;

import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.Contact;
import dev.saleskernel.customer.AccountValues.DuplicateMatch;
import dev.saleskernel.customer.AccountValues.Interaction;
import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.AccountValues.ReceivableFact;
import dev.saleskernel.customer.AccountValues.SatisfactionScore;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events of an {@link Account}. Credit exposure events are {@link CreditEvents}. */
public final class AccountEvents {
    private AccountEvents() {
    }

    public record AccountCreated(String accountId, AccountProfile profile, String owner, Money creditLimit,
                                 CreditPolicy creditPolicy, int paymentTermsDays, ActorId actor,
                                 Instant occurredAt) implements DomainEvent {
    }

    /** The account was created under policy FLAG although it shares keys with these accounts. */
    public record DuplicateSuspected(String accountId, List<DuplicateMatch> matches, ActorId actor,
                                     Instant occurredAt) implements DomainEvent {
        public DuplicateSuspected {
            matches = List.copyOf(matches);
        }
    }

    /** Someone looked at the suspected duplicates and decided the account is distinct. */
    public record DuplicateSuspicionCleared(String accountId, List<DuplicateMatch> matches, String reason, ActorId actor,
                                            Instant occurredAt) implements DomainEvent {
        public DuplicateSuspicionCleared {
            matches = List.copyOf(matches);
        }
    }

    public record ContactAdded(String accountId, Contact contact, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record InteractionLogged(String accountId, Interaction interaction, ActorId actor,
                                    Instant occurredAt) implements DomainEvent {
    }

    public record PurchaseRecorded(String accountId, PurchaseFact purchase, ActorId actor,
                                   Instant occurredAt) implements DomainEvent {
    }

    public record SatisfactionRecorded(String accountId, SatisfactionScore score, ActorId actor,
                                       Instant occurredAt) implements DomainEvent {
    }

    /** The ledger reported an open receivable; {@code totalOpen} is the sum of every open receivable after it. */
    public record ReceivableReported(String accountId, ReceivableFact receivable, Money totalOpen, ActorId actor,
                                     Instant occurredAt) implements DomainEvent {
    }

    public record CreditTermsChanged(String accountId, Money limit, CreditPolicy policy, int paymentTermsDays,
                                     ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** Ownership passed from one rep to another on {@code effective}, for {@code reason}. */
    public record AccountHandedOver(String accountId, String fromRep, String toRep, LocalDate effective, String reason,
                                    ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /**
     * A lifecycle review computed a different stage than the last review.
     *
     * @param daysSinceLastPurchase whole days from the last purchase to {@code day}, or -1 for none
     * @param latestScore           the latest satisfaction score on {@code day}, or -1 for none
     */
    public record LifecycleChanged(String accountId, LifecycleStage from, LifecycleStage to, LocalDate day,
                                   long daysSinceLastPurchase, int latestScore, ActorId actor,
                                   Instant occurredAt) implements DomainEvent {
    }
}
