package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.DomainEvent;
import java.time.Instant;

/** A version of a pipeline definition was stored; opportunities created from now on run on it. */
public record PipelineDefined(String pipelineId, int version, String name, ActorId actor, Instant occurredAt)
        implements DomainEvent {
}
