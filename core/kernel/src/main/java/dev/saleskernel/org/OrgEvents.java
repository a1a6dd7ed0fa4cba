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

    /** A territory's rules were replaced from {@code rules.from()}; the previous rules end that day and stay on record. */
    public record TerritoryRedefined(String territoryId, OrgValues.TerritoryRules rules, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** A territory stops covering accounts from {@code effective} (exclusive end of its last rules). */
    public record TerritoryRetired(String territoryId, LocalDate effective, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    public record ProductLineAdded(OrgValues.ProductLine productLine, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A product line carries {@code name} from {@code effective}; earlier names stay answerable by date. */
    public record ProductLineRenamed(String productLineId, String previousName, String name, LocalDate effective,
                                     ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A product line is no longer offered from {@code effective}. */
    public record ProductLineRetired(String productLineId, LocalDate effective, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }
}
