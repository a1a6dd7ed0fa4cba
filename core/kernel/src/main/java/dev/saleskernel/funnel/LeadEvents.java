package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The events of the lead aggregate and of the round-robin cursor; all past tense, all in the outbox. */
public final class LeadEvents {
    private LeadEvents() {
    }

    /** A lead was captured, with its company and contact details and where it came from. */
    public record LeadCaptured(String leadId, String company, String contactName, String email, String phone,
                               String taxId, String source, String campaign, String territory, ActorId actor,
                               Instant occurredAt) implements DomainEvent {
    }

    /** A lead was given an owner (by hand or by an assignment rule). */
    public record LeadAssigned(String leadId, ActorId owner, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A round-robin cursor moved on: the next lead of {@code team} goes to the member at {@code next mod size}. */
    public record RoundRobinAdvanced(String team, ActorId picked, long next, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** Work on a new lead started. */
    public record LeadWorkStarted(String leadId, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A working lead was qualified with its answers (budget, authority, need, timing, …). */
    public record LeadQualified(String leadId, Map<String, String> qualification, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** A lead was disqualified, with the reason. */
    public record LeadDisqualified(String leadId, String reason, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /**
     * Converted into account + contact + opportunity; {@code mergedInto} names an existing account
     * merged into (then {@code accountId} is that account). {@code contact} holds the company and
     * contact details an account and a contact are created from.
     */
    public record LeadConverted(String leadId, String accountId, String contactId, String opportunityId,
                                Optional<String> mergedInto, LeadContact contact, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }
}
