package dev.saleskernel.org;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/** The events of an org structure; every reorganisation is a dated fact added, never a rewrite. */
public final class OrgEvents {
    private OrgEvents() {
    }

    public record UnitAdded(OrgValues.OrgUnit unit, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record UnitMoved(String unitId, String newParentId, LocalDate effective, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    public record MemberHired(OrgValues.Member member, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record MemberAssigned(OrgValues.Membership membership, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record MembershipEnded(String memberId, String unitId, LocalDate effective, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    public record MemberLeft(String memberId, LocalDate effective, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record TerritoryAdded(OrgValues.Territory territory, ActorId actor, Instant occurredAt) implements DomainEvent {
    }
}
