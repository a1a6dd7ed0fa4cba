package dev.saleskernel.funnel;

import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The events of the opportunity aggregate, each recording actor and time. */
public final class OpportunityEvents {
    private OpportunityEvents() {
    }

    public record OpportunityCreated(String opportunityId, String pipelineId, int pipelineVersion, String accountId,
                                     ActorId owner, Money amount, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** The opportunity entered its first stage (on creation) or the stage a reopen leads to. */
    public record StageEntered(String opportunityId, String stageId, BigDecimal probability, ActorId actor,
                               Instant occurredAt) implements DomainEvent {
    }

    /** A move between open stages (next, skip ahead or back), with the follow-up actions the transition announces. */
    public record StageAdvanced(String opportunityId, String fromStage, String toStage,
                                PipelineDefinition.Direction direction, List<String> afterActions, ActorId actor,
                                Instant occurredAt) implements DomainEvent {
    }

    public record LinesUpdated(String opportunityId, List<LineItem> lines, Money amount, ActorId actor,
                               Instant occurredAt) implements DomainEvent {
    }

    public record OwnerChanged(String opportunityId, ActorId previousOwner, ActorId owner, List<CreditSplit> team,
                               ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    /** The expected close date changed; {@code slipped} when it moved later. */
    public record CloseDateChanged(String opportunityId, LocalDate previous, LocalDate expectedCloseDate,
                                   boolean slipped, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record ProbabilityOverridden(String opportunityId, String stageId, BigDecimal probability, ActorId actor,
                                        Instant occurredAt) implements DomainEvent {
    }

    public record NextStepSet(String opportunityId, String nextStep, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    public record ActivityLinked(String opportunityId, ActivityRef activity, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    /** The deal was won: its amount is frozen at {@code closingAmount}. */
    public record OpportunityWon(String opportunityId, String fromStage, Money closingAmount, LocalDate closeDate,
                                 List<String> afterActions, ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record OpportunityLost(String opportunityId, String fromStage, String reason, String competitor,
                                  ActorId actor, Instant occurredAt) implements DomainEvent {
    }

    public record OpportunityReopened(String opportunityId, String toStage, ActorId actor, Instant occurredAt)
            implements DomainEvent {
    }

    public record PipelineMigrated(String opportunityId, String pipelineId, int fromVersion, int toVersion,
                                   ActorId actor, Instant occurredAt) implements DomainEvent {
    }
}
