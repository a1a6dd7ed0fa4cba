package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The events of the lead aggregate. */
public final class LeadEvents {
    private LeadEvents() {
    }

    public record LeadCaptured(String leadId, String source, String campaign, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    public record LeadAssigned(String leadId, ActorId owner, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record LeadWorkStarted(String leadId, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record LeadQualified(String leadId, Map<String, String> qualification, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    public record LeadDisqualified(String leadId, String reason, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** Converted into account + contact + opportunity; {@code mergedInto} names an existing account merged into. */
    public record LeadConverted(String leadId, String accountId, String contactId, String opportunityId,
                                Optional<String> mergedInto, ActorId actor, Instant occurredAt) implements DomainEvent {
    }
}
