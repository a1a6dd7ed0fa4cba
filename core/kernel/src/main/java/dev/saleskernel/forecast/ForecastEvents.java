package dev.saleskernel.forecast;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;

/** The events of a forecast submission, each recording actor and time. */
public final class ForecastEvents {
    private ForecastEvents() {
    }

    /** A team's forecast for a period was submitted as computed on {@code snapshotDate}. */
    public record ForecastSubmitted(TenantId tenantId, String teamId, String period, LocalDate snapshotDate,
                                    ForecastSubmission.Figures team, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** A manager adjusted one member's forecast category by {@code deltaMinor}, for {@code reason}; the deals were not touched. */
    public record ForecastAdjusted(TenantId tenantId, String teamId, String period, String ownerId, ForecastCategory category,
                                   long deltaMinor, String reason, ActorId actor, Instant occurredAt) implements DomainEvent {
    }
}
