package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stay of an opportunity in a stage. A history is contiguous: each visit is left at the
 * instant the next one is entered; only the last visit may be open.
 *
 * <p>An immutable value with record-like accessors, {@code equals}, {@code hashCode} and
 * {@code toString}. It keeps {@code leftAt}/{@code leftBy} as plain (nullable) fields and hands them
 * out as {@link Optional}s, so that a move does not allocate two {@code Optional}s per visit.
 */
public final class StageVisit {
    private final String stageId;
    private final Instant enteredAt;
    private final ActorId enteredBy;
    private final Instant leftAt;
    private final ActorId leftBy;

    /**
     * @param stageId   the stage
     * @param enteredAt when the opportunity entered it
     * @param enteredBy who moved it there
     * @param leftAt    when it left, or empty while it is there
     * @param leftBy    who moved it out, or empty while it is there
     */
    public StageVisit(String stageId, Instant enteredAt, ActorId enteredBy, Optional<Instant> leftAt,
                      Optional<ActorId> leftBy) {
        this(stageId, enteredAt, enteredBy, Objects.requireNonNull(leftAt, "leftAt").orElse(null),
                Objects.requireNonNull(leftBy, "leftBy").orElse(null));
    }

    private StageVisit(String stageId, Instant enteredAt, ActorId enteredBy, Instant leftAt, ActorId leftBy) {
        this.stageId = Objects.requireNonNull(stageId, "stageId");
        this.enteredAt = Objects.requireNonNull(enteredAt, "enteredAt");
        this.enteredBy = Objects.requireNonNull(enteredBy, "enteredBy");
        this.leftAt = leftAt;
        this.leftBy = leftBy;
    }

    static StageVisit entering(String stageId, ActorId by, Instant at) {
        return new StageVisit(stageId, at, by, (Instant) null, null);
    }

    StageVisit left(ActorId by, Instant at) {
        return new StageVisit(stageId, enteredAt, enteredBy, at, by);
    }

    /** Whether this visit equals {@code visit.left(by, at)} (without building that one). */
    boolean isLeaving(StageVisit visit, ActorId by, Instant at) {
        return stageId.equals(visit.stageId) && enteredAt.equals(visit.enteredAt)
                && enteredBy.equals(visit.enteredBy) && at.equals(leftAt) && by.equals(leftBy);
    }

    /** The stage. */
    public String stageId() {
        return stageId;
    }

    /** When the opportunity entered the stage. */
    public Instant enteredAt() {
        return enteredAt;
    }

    /** Who moved it there. */
    public ActorId enteredBy() {
        return enteredBy;
    }

    /** When it left, or empty while it is there. */
    public Optional<Instant> leftAt() {
        return Optional.ofNullable(leftAt);
    }

    /** Who moved it out, or empty while it is there. */
    public Optional<ActorId> leftBy() {
        return Optional.ofNullable(leftBy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StageVisit v && stageId.equals(v.stageId) && enteredAt.equals(v.enteredAt)
                && enteredBy.equals(v.enteredBy) && Objects.equals(leftAt, v.leftAt) && Objects.equals(leftBy, v.leftBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stageId, enteredAt, enteredBy, leftAt(), leftBy());
    }

    @Override
    public String toString() {
        return "StageVisit[stageId=" + stageId + ", enteredAt=" + enteredAt + ", enteredBy=" + enteredBy
                + ", leftAt=" + leftAt() + ", leftBy=" + leftBy() + "]";
    }
}
