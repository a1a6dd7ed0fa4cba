package dev.saleskernel.tenant;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.TenantId;
import java.time.Instant;

/** The events of the tenant-settings aggregate, each recording actor and time. */
public final class TenantEvents {
    private TenantEvents() {
    }

    /** A tenant's settings were created. */
    public record TenantConfigured(TenantId tenantId, SettingsValues values, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** New values were proposed and wait for a second person's approval. */
    public record SettingsChangeProposed(TenantId tenantId, SettingsValues proposed, String reason, ActorId actor,
                                         Instant occurredAt) implements DomainEvent {
    }

    /** A proposed change was approved by someone other than its proposer and is now in force. */
    public record SettingsChangeApproved(TenantId tenantId, SettingsValues previous, SettingsValues approved,
                                         ActorId proposedBy, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A proposed change was rejected or withdrawn; the values in force did not change. */
    public record SettingsChangeRejected(TenantId tenantId, SettingsValues proposed, String reason, ActorId actor,
                                         Instant occurredAt) implements DomainEvent {
    }
}
