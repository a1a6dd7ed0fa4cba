package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stay of an opportunity in a stage. A history is contiguous: each visit is left at the
 * instant the next one is entered; only the last visit may be open.
 *
 * @param stageId   the stage
 * @param enteredAt when the opportunity entered it
 * @param enteredBy who moved it there
 * @param leftAt    when it left, or empty while it is there
 * @param leftBy    who moved it out, or empty while it is there
 */
public record StageVisit(String stageId, Instant enteredAt, ActorId enteredBy, Optional<Instant> leftAt,
                         Optional<ActorId> leftBy) {
    public StageVisit {
        Objects.requireNonNull(stageId, "stageId");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(enteredBy, "enteredBy");
        Objects.requireNonNull(leftAt, "leftAt");
        Objects.requireNonNull(leftBy, "leftBy");
    }

    static StageVisit entering(String stageId, ActorId by, Instant at) {
        return new StageVisit(stageId, at, by, Optional.empty(), Optional.empty());
    }

    StageVisit left(ActorId by, Instant at) {
        return new StageVisit(stageId, enteredAt, enteredBy, Optional.of(at), Optional.of(by));
    }
}
