package dev.saleskernel.customer;

import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.Optional;

/** Events of an account's credit exposure. */
public final class CreditEvents {
    private CreditEvents() {
    }

    /**
     * An order or won deal now counts against the limit.
     *
     * @param headroom   limit − receivables − open documents after this one (negative when over)
     * @param overLimit  whether it took the account over its limit (recorded under WARN or with approval)
     * @param approvedBy who approved going over the limit, under REQUIRE_APPROVAL
     */
    public record CreditExposureRecorded(String accountId, String documentId, Money amount, Money headroom, boolean overLimit,
                                         Optional<ActorId> approvedBy, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A document was closed: its amount no longer counts. */
    public record CreditExposureReleased(String accountId, String documentId, Money amount, ActorId actor,
                                         Instant occurredAt) implements DomainEvent {
    }
}
